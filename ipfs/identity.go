package ipfs

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"

	datastore "github.com/ipfs/go-datastore"
	"github.com/libp2p/go-libp2p/core/crypto"
)

// identityKey holds the node's libp2p private key in the datastore, outside
// the blockstore's /blocks namespace.
var identityKey = datastore.NewKey("/local/p2p-identity")

// loadIdentity returns the libp2p key stored in ds, creating and storing an
// Ed25519 key on first use.
func loadIdentity(ctx context.Context, ds datastore.Datastore) (crypto.PrivKey, error) {
	raw, err := ds.Get(ctx, identityKey)
	switch {
	case err == nil:
		key, err := crypto.UnmarshalPrivateKey(raw)
		if err != nil {
			return nil, fmt.Errorf("decode stored libp2p identity: %w", err)
		}
		return key, nil
	case !errors.Is(err, datastore.ErrNotFound):
		return nil, fmt.Errorf("read libp2p identity: %w", err)
	}
	key, _, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate libp2p identity: %w", err)
	}
	raw, err = crypto.MarshalPrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("encode libp2p identity: %w", err)
	}
	if err := ds.Put(ctx, identityKey, raw); err != nil {
		return nil, fmt.Errorf("store libp2p identity: %w", err)
	}
	if err := ds.Sync(ctx, identityKey); err != nil {
		return nil, fmt.Errorf("sync libp2p identity: %w", err)
	}
	return key, nil
}

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
)

// orderKeys holds vendors' published order keys (public, each signed by its vendor's wallet;
// agents check the signature themselves, so the node cannot substitute a key).
type orderKeys struct {
	mu   sync.Mutex
	path string
	keys map[common.Address]bazaar.VendorOrderKey
}

func loadOrderKeys(dir string) (*orderKeys, error) {
	o := &orderKeys{path: filepath.Join(dir, "order-keys.json"), keys: map[common.Address]bazaar.VendorOrderKey{}}
	b, err := os.ReadFile(o.path)
	if errors.Is(err, os.ErrNotExist) {
		return o, nil
	}
	if err != nil {
		return nil, err
	}
	return o, json.Unmarshal(b, &o.keys)
}

func (o *orderKeys) get(v common.Address) (bazaar.VendorOrderKey, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	k, ok := o.keys[v]
	return k, ok
}

func (o *orderKeys) put(k bazaar.VendorOrderKey) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.keys[k.Vendor] = k
	b, err := json.Marshal(o.keys)
	if err != nil {
		return err
	}
	tmp := o.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, o.path)
}

// publishDevOrderKey publishes the development vendor's order key, so demo agents can send it
// acceptances before anyone runs `bazaar vendor orders`.
func (n *Node) publishDevOrderKey() error {
	if _, ok := n.orderKeys.get(chain.KeyAddress(chain.DevVendorKey)); ok {
		return nil // published already (perhaps rotated since)
	}
	vk, err := n.registry.Domain.VendorKeys(chain.DevVendorKey, 1)
	if err != nil {
		return err
	}
	k, err := n.registry.Domain.SignOrderKey(chain.DevVendorKey, bazaar.VendorOrderKey{Key: vk.Order.PublicKey().Bytes(), Mailbox: vk.MailboxID(), Version: 1})
	if err != nil {
		return err
	}
	return n.orderKeys.put(k)
}

// putOrderKey answers PUT /vendors/{vendor}/order-key with a VendorOrderKey signed by the vendor.
func (n *Node) putOrderKey(w http.ResponseWriter, r *http.Request) {
	var k bazaar.VendorOrderKey
	if err := decodeBody(r, &k); err != nil {
		n.fail(w, err)
		return
	}
	if !common.IsHexAddress(r.PathValue("vendor")) || common.HexToAddress(r.PathValue("vendor")) != k.Vendor {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "the path names another vendor than the key"))
		return
	}
	if err := n.registry.Domain.CheckOrderKey(k); err != nil {
		n.fail(w, err)
		return
	}
	// Versions only move forward: an old signed key cannot be put back.
	if cur, ok := n.orderKeys.get(k.Vendor); ok {
		switch {
		case k.Version < cur.Version:
			n.fail(w, bazaar.Errorf(bazaar.ECodeConflict, "order key version %d is older than the one held (%d): keys only rotate forward", k.Version, cur.Version))
			return
		case k.Version == cur.Version && (!bytes.Equal(k.Key, cur.Key) || k.Mailbox != cur.Mailbox):
			n.fail(w, bazaar.Errorf(bazaar.ECodeConflict, "another order key under the held version %d: rotate to version %d", cur.Version, cur.Version+1))
			return
		}
	}
	if err := n.orderKeys.put(k); err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, k)
}

// getOrderKey answers GET /vendors/{vendor}/order-key.
func (n *Node) getOrderKey(w http.ResponseWriter, r *http.Request) {
	if !common.IsHexAddress(r.PathValue("vendor")) {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "vendor must be a 0x address"))
		return
	}
	k, ok := n.orderKeys.get(common.HexToAddress(r.PathValue("vendor")))
	if !ok {
		n.fail(w, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "this vendor has published no order key", Err: bazaar.ErrNotFound})
		return
	}
	writeJSON(w, http.StatusOK, k)
}

// maxDrop bounds a dropped envelope: the largest bucket sealed, base64'd, with room to spare.
const maxDrop = 8 << 10

// dropEnvelope answers POST /relay/mailboxes/{mailbox} {"sealed": base64}: anyone may leave a
// sealed, padded envelope in a mailbox (an agent's acceptance for a vendor, a vendor's answer
// for an agent's pseudonym). The relay learns the mailbox and the size bucket, nothing else.
func (n *Node) dropEnvelope(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Sealed json.RawMessage `json:"sealed"`
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxDrop)
	if err := decodeBody(r, &body); err != nil {
		n.fail(w, err)
		return
	}
	var probe struct {
		V int `json:"v"`
	}
	if json.Unmarshal(body.Sealed, &probe) != nil || (probe.V != 1 && probe.V != 2) {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "sealed must be a sealed envelope (v 1 or 2)"))
		return
	}
	if err := n.hub.Deliver(r.Context(), r.PathValue("mailbox"), body.Sealed); err != nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "%v", err))
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "stored"})
}

// typedOrderKey answers POST /eip712/order-key {"vendor","key","mailbox"}: the OrderKey typed
// data a vendor's wallet signs to publish its order key.
func (n *Node) typedOrderKey(w http.ResponseWriter, r *http.Request) {
	var k bazaar.VendorOrderKey
	if err := decodeBody(r, &k); err != nil {
		n.fail(w, err)
		return
	}
	if len(k.Key) != 32 || !bazaar.ValidMailbox(k.Mailbox) || k.Vendor == (common.Address{}) {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "an order key is a vendor, a 32-byte X25519 key and a mailbox"))
		return
	}
	js, err := chain.WalletJSON(n.registry.Domain.OrderKeyTypedData(k))
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, json.RawMessage(js))
}

// typedDecision answers POST /eip712/decision with an OrderDecision (unsigned): the typed data
// a vendor's wallet signs to confirm or reject an order.
func (n *Node) typedDecision(w http.ResponseWriter, r *http.Request) {
	var d bazaar.OrderDecision
	if err := decodeBody(r, &d); err != nil {
		n.fail(w, err)
		return
	}
	if d.Status != bazaar.OrderConfirmed && d.Status != bazaar.OrderRejected {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "status must be confirmed or rejected"))
		return
	}
	js, err := chain.WalletJSON(n.registry.Domain.DecisionTypedData(d))
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, json.RawMessage(js))
}

// redemptionByTx answers GET /redemptions/tx/{tx}: the redemption a transaction made (public
// chain data), for a vendor's browser checking an acceptance.
func (n *Node) redemptionByTx(w http.ResponseWriter, r *http.Request) {
	if n.redemptions == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node knows no Redemptions contract"))
		return
	}
	b, err := hexutil.Decode(r.PathValue("tx"))
	if err != nil || len(b) != 32 {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "tx must be 0x + 64 hex digits"))
		return
	}
	red, err := n.redemptions.RedemptionIn(r.Context(), common.BytesToHash(b))
	if err != nil {
		n.fail(w, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: err.Error(), Err: bazaar.ErrNotFound})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"dealId": red.DealID, "nullifier": (*hexutil.Big)(red.Nullifier), "payout": red.Payout, "block": red.Block, "tx": red.Tx})
}

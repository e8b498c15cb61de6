package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"reflect"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/bazaar-market/bazaar"
)

// deploy deploys a contract (creation code bin, packed constructor arguments args), waits for
// it and returns its address and block.
func deploy(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, name, bin string, args []byte) (common.Address, uint64, error) {
	var addr common.Address
	tx, err := submit(ctx, backend, key, func(opts *bind.TransactOpts) (*types.Transaction, error) {
		a, tx, err := bind.DeployContract(opts, common.FromHex(bin), backend, args)
		addr = a
		return tx, err
	})
	if err != nil {
		return common.Address{}, 0, fmt.Errorf("deploy %s: %w", name, err)
	}
	rcpt, err := WaitMined(ctx, backend, tx.Hash())
	if err != nil {
		return common.Address{}, 0, fmt.Errorf("deploy %s: %w", name, err)
	}
	return addr, rcpt.BlockNumber.Uint64(), nil
}

// errorDecoder is a binding that can decode its contract's custom errors.
type errorDecoder interface {
	UnpackError([]byte) (any, error)
}

// revertNamer maps a reverted call to a *bazaar.Error naming the custom error (tried against
// each binding in turn, prefixes trimmed from the Go type name), 400-class for a revert and
// 503-class for anything else: the chain could not be asked, or the node refused the
// transaction itself (see revertData).
func revertNamer(decoders []errorDecoder, prefixes ...string) func(string, error) error {
	return func(method string, err error) error {
		data, ok := revertData(err)
		if !ok {
			return &bazaar.Error{Code: bazaar.ECodeUnavailable, Message: method + ": chain call failed", Err: err}
		}
		if raw, derr := hexutil.Decode(data); derr == nil && len(raw) >= 4 {
			for _, d := range decoders {
				v, uerr := d.UnpackError(raw)
				if uerr != nil {
					continue
				}
				name := reflect.TypeOf(v).Elem().Name()
				for _, p := range prefixes {
					name = strings.TrimPrefix(name, p)
				}
				return &bazaar.Error{Code: bazaar.ECodeInvalid, Message: fmt.Sprintf("%s refused: %s %+v", method, name, reflect.ValueOf(v).Elem().Interface()), Err: err}
			}
		}
		return &bazaar.Error{Code: bazaar.ECodeInvalid, Message: fmt.Sprintf("%s reverted (data %q)", method, data), Err: err}
	}
}

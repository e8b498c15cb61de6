package main

import (
	"bytes"
	"context"
	"crypto/ecdh"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/prover"
)

// TestLTVCents: a settled spend converts to cents and saturates at the largest LTV a credential
// can state — issuing a wider one would be refused, and truncating it (uint64 wrap) would shrink it.
func TestLTVCents(t *testing.T) {
	huge := new(big.Int).Lsh(big.NewInt(1), 80) // token units: wraps a uint64 of cents
	for _, tc := range []struct {
		base  uint64
		spent *big.Int
		want  uint64
	}{
		{0, nil, 0},
		{100, big.NewInt(40_000), 104},
		{0, big.NewInt(9_999), 0},
		{0, huge, prover.MaxLTV},
		{prover.MaxLTV, big.NewInt(10_000), prover.MaxLTV},
		{0, new(big.Int).Mul(big.NewInt(prover.MaxLTV), big.NewInt(10_000)), prover.MaxLTV},
	} {
		if got := ltvCents(tc.base, tc.spent); got != tc.want {
			t.Errorf("ltvCents(%d, %v) = %d, want %d", tc.base, tc.spent, got, tc.want)
		}
	}
}

// TestAccountProof_ChainBound: an account proof names the chain as well as the Settlement
// contract: one signed for another chain is refused.
func TestAccountProof_ChainBound(t *testing.T) {
	key := mustKey(t)
	st := common.HexToAddress("0x5e771e")
	p, err := SignAccountProof(key, purposeHistory, big.NewInt(1), st)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Check(purposeHistory, big.NewInt(1), st); err != nil {
		t.Fatal(err)
	}
	if err := p.Check(purposeHistory, big.NewInt(10), st); err == nil {
		t.Fatal("a proof for chain 1 accepted on chain 10")
	}
	if err := p.Check(purposeStatement, big.NewInt(1), st); err == nil {
		t.Fatal("a proof for one purpose accepted for another")
	}
}

// TestVendorOrder_CheckCode (issue 19, finding 7): codes have 66 bits; wrong ones are counted
// and after bazaar.MaxWrongCodes the order's code is locked, the right one refused too.
func TestVendorOrder_CheckCode(t *testing.T) {
	code, err := bazaar.NewPickupCode()
	if err != nil {
		t.Fatal(err)
	}
	if digits := strings.NewReplacer("-", "").Replace(code); len(digits) != bazaar.PickupCodeDigits {
		t.Fatalf("code %q", code)
	}
	vendor, _ := ecdh.X25519().GenerateKey(rand.Reader)
	codeKey, key, err := bazaar.NewPickupCodeKey(vendor.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	o := &vendorOrder{PickupCodeHash: bazaar.PickupCodeHash(key, code), CodeKey: codeKey}
	other, _ := ecdh.X25519().GenerateKey(rand.Reader)
	if err := o.checkCode(other, code); err == nil { // another order key: the right code does not match
		t.Fatal("the code matched under another order key")
	}
	o.WrongCodes = 0
	if err := o.checkCode(vendor, code); err != nil {
		t.Fatal(err)
	}
	for i := range bazaar.MaxWrongCodes {
		if err := o.checkCode(vendor, "00000-00000-00000-0000"+string(rune('0'+i))); err == nil || !strings.Contains(err.Error(), "does not match") {
			t.Fatalf("wrong code %d: %v", i, err)
		}
	}
	if err := o.checkCode(vendor, code); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Fatalf("the right code after %d wrong ones: %v", bazaar.MaxWrongCodes, err)
	}
}

// TestOrderKey_Rotation (issue 19, finding 7): the vendor's order keys derive from its wallet,
// the deployment and a version; `vendor orders rotate-key` publishes the next version, and the
// node refuses to take an older signed key back (or another key under the held version).
func TestOrderKey_Rotation(t *testing.T) {
	ctx := context.Background()
	n := mustStart(t, Config{DataDir: t.TempDir(), RPCListen: "127.0.0.1:0"})
	defer n.Stop(ctx)
	vendorKey := mustKey(t)
	vendor := chain.KeyAddress(vendorKey)
	key := "0x" + common.Bytes2Hex(crypto.FromECDSA(vendorKey))
	var out strings.Builder
	orders := func(args ...string) error {
		out.Reset()
		return run(ctx, append(append([]string{"vendor", "orders"}, args...), "--node", n.URL(), "--key", key, "--state", t.TempDir()), &out, &out)
	}
	if err := orders(); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	v1, ok := n.orderKeys.get(vendor)
	if !ok || v1.Version != 1 {
		t.Fatalf("published key %+v", v1)
	}
	if err := orders("rotate-key"); err != nil || !strings.Contains(out.String(), "version 2") {
		t.Fatalf("rotate: %v\n%s", err, out.String())
	}
	v2, _ := n.orderKeys.get(vendor)
	if v2.Version != 2 || v2.Mailbox == v1.Mailbox || bytes.Equal(v2.Key, v1.Key) {
		t.Fatalf("rotated key %+v (was %+v)", v2, v1)
	}
	put := func(k bazaar.VendorOrderKey) (int, apiError) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPut, n.URL()+"/vendors/"+vendor.Hex()+"/order-key", strings.NewReader(mustJSON(t, k)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var e apiError
		json.NewDecoder(resp.Body).Decode(&e)
		return resp.StatusCode, e
	}
	if st, e := put(v1); st != 409 || !strings.Contains(e.Error.Message, "older") {
		t.Fatalf("the old signed key put back: %d %+v", st, e)
	}
	sameVersion, err := n.registry.Domain.SignOrderKey(vendorKey, bazaar.VendorOrderKey{Key: v1.Key, Mailbox: v1.Mailbox, Version: 2})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := put(sameVersion); st != 409 {
		t.Fatalf("another key under the held version: %d", st)
	}
	if st, _ := put(v2); st != 200 {
		t.Fatalf("the held key again: %d", st)
	}
	if err := orders(); err != nil { // the CLI keeps reading under version 2
		t.Fatalf("%v\n%s", err, out.String())
	}
	if cur, _ := n.orderKeys.get(vendor); cur.Version != 2 || cur.Mailbox != v2.Mailbox {
		t.Fatalf("after a plain run the key is %+v", cur)
	}
}

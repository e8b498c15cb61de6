package chain_test

import (
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/chain"
)

// castPath finds Foundry's cast from npm (make test runs npm ci first).
func castPath(tb testing.TB) string {
	tb.Helper()
	p, err := filepath.Abs("../node_modules/.bin/cast")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("cast not installed (%v): run 'npm ci' or 'make test'", err)
	}
	return p
}

// TestDomain_DealTypedData_Cast checks that the typed data we hand to wallets is what a standard
// EIP-712 signer signs: cast's signature over our JSON equals ours and recovers to the vendor.
func TestDomain_DealTypedData_Cast(t *testing.T) {
	dom := chain.Domain{ChainID: big.NewInt(1337), Registry: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")}
	h := testHeader(t, chain.KeyAddress(chain.DevVendorKey), `{"cast":true}`)
	h.Nonce = new(big.Int).Lsh(big.NewInt(1), 255) // exercise a full uint256
	js, err := chain.WalletJSON(dom.DealTypedData(h))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "typed.json")
	if err := os.WriteFile(file, js, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(castPath(t), "wallet", "sign", "--private-key", hexutil.Encode(crypto.FromECDSA(chain.DevVendorKey)), "--data", "--from-file", file).CombinedOutput()
	if err != nil {
		t.Fatalf("cast wallet sign: %v\n%s", err, out)
	}
	castSig, err := hexutil.Decode(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("cast output %q: %v", out, err)
	}
	ours, err := dom.SignDeal(chain.DevVendorKey, h)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.EqualFold(hexutil.Encode(castSig), hexutil.Encode(ours)) {
		t.Fatalf("cast signed %x, we signed %x over %s", castSig, ours, js)
	}
	if signer, err := dom.RecoverDeal(h, castSig); err != nil || signer != chain.KeyAddress(chain.DevVendorKey) {
		t.Fatalf("cast signature recovers to %s, %v", signer, err)
	}
}

func TestWalletJSON_Roundtrip(t *testing.T) {
	dom := chain.Domain{ChainID: big.NewInt(31337), Registry: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")}
	h := testHeader(t, chain.KeyAddress(chain.DevVendorKey), `{"x":1}`)
	js, err := chain.WalletJSON(dom.DealTypedData(h))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(js), "salt") || !strings.Contains(string(js), `"chainId":31337`) {
		t.Fatalf("wallet JSON %s", js)
	}
	td, err := chain.ParseWalletJSON(js)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := chain.SignTyped(chain.DevVendorKey, td)
	if err != nil {
		t.Fatal(err)
	}
	if signer, err := dom.RecoverDeal(h, sig); err != nil || signer != chain.KeyAddress(chain.DevVendorKey) {
		t.Fatalf("signature over parsed typed data recovers to %s, %v", signer, err)
	}
}

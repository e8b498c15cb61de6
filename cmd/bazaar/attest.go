package main

import (
	"context"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
	"github.com/bazaar-market/bazaar/enclave/simsnp"
)

// matcherKeys are the matcher's signing key (its on-chain identity) and HPKE key (agents seal
// signals to it). Both are generated inside the guest; in development they persist in the data
// directory (sealing to the SNP-derived key comes with the signal store).
type matcherKeys struct {
	signer *ecdsa.PrivateKey
	hpke   *ecdh.PrivateKey
}

func loadMatcherKeys(dir string) (*matcherKeys, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "keys")
	if b, err := os.ReadFile(path); err == nil {
		parts := strings.Fields(string(b))
		if len(parts) != 2 {
			return nil, fmt.Errorf("matcher keys %s: malformed", path)
		}
		s, err := crypto.HexToECDSA(parts[0])
		if err != nil {
			return nil, fmt.Errorf("matcher signing key: %w", err)
		}
		hb, err := hex.DecodeString(parts[1])
		if err != nil {
			return nil, fmt.Errorf("matcher hpke key: %w", err)
		}
		h, err := ecdh.X25519().NewPrivateKey(hb)
		if err != nil {
			return nil, fmt.Errorf("matcher hpke key: %w", err)
		}
		return &matcherKeys{signer: s, hpke: h}, nil
	}
	s, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	h, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	line := hex.EncodeToString(crypto.FromECDSA(s)) + " " + hex.EncodeToString(h.Bytes()) + "\n"
	if err := os.WriteFile(path, []byte(line), 0o600); err != nil {
		return nil, err
	}
	return &matcherKeys{signer: s, hpke: h}, nil
}

// arkModulus extracts an ARK's RSA key for pinning on-chain.
func arkModulus(der []byte) ([]byte, []byte, error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	k, ok := c.PublicKey.(*rsa.PublicKey)
	if !ok {
		return nil, nil, errors.New("ARK key is not RSA")
	}
	return k.N.Bytes(), big.NewInt(int64(k.E)).Bytes(), nil
}

// deployAttestation deploys the AttestationRegistry of a development chain: it pins the
// simulated SNP's test-only root (flagged testOnly on-chain) and allows the dev measurement.
func (n *Node) deployAttestation(ctx context.Context, snp *simsnp.SNP) (common.Address, uint64, error) {
	ark, _, _ := snp.Certificates()
	mod, exp, err := arkModulus(ark)
	if err != nil {
		return common.Address{}, 0, err
	}
	gov := chain.KeyAddress(n.relayer)
	addr, block, err := chain.DeployAttestation(ctx, n.backend, n.relayer, gov,
		[]chain.AMDRoot{{ProductLine: simsnp.Product, Modulus: mod, Exponent: exp, TestOnly: true}}, 24*time.Hour, 0)
	if err != nil {
		return common.Address{}, 0, err
	}
	if err := chain.NewAttestation(n.backend, addr).AllowMeasurement(ctx, n.relayer, simsnp.DevMeasurement); err != nil {
		return common.Address{}, 0, err
	}
	return addr, block, nil
}

// registerMatcher attests the matcher's keys with the (simulated) SNP and registers them
// on-chain: ASK and VCEK certificates, then the report bound to this chain, registry and a
// fresh nonce. It does nothing while the matcher is still registered.
func (n *Node) registerMatcher(ctx context.Context, att *chain.Attestation, snp enclave.Attester, keys *matcherKeys) error {
	addr := chain.KeyAddress(keys.signer)
	if ok, err := att.IsRegistered(ctx, addr); err != nil || ok {
		return err
	}
	start := time.Now()
	nonceBytes := make([]byte, 32)
	if _, err := rand.Read(nonceBytes); err != nil {
		return err
	}
	nonce := new(big.Int).SetBytes(nonceBytes)
	id, err := n.backend.ChainID(ctx)
	if err != nil {
		return err
	}
	hpkePub := keys.hpke.PublicKey().Bytes()
	b := enclave.Binding{Signer: addr, HPKEKey: hpkePub, ChainID: id, Registry: att.Address(), Nonce: nonce}
	ev, err := snp.Attest(b.ReportData())
	if err != nil {
		return err
	}
	askID, _, err := att.RegisterAsk(ctx, n.relayer, ev.Product, ev.ASK)
	if err != nil {
		return fmt.Errorf("register ASK: %w", err)
	}
	vcekID, _, err := att.RegisterVcek(ctx, n.relayer, askID, ev.VCEK)
	if err != nil {
		return fmt.Errorf("register VCEK: %w", err)
	}
	if _, err := att.RegisterMatcher(ctx, n.relayer, vcekID, ev.Report, addr, hpkePub, nonce); err != nil {
		return fmt.Errorf("register matcher: %w", err)
	}
	n.log.Info("matcher registered on-chain", "matcher", addr, "simulated", snp.Simulated(), "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// writePEM writes certificates as PEM blocks (ASK then ARK, as go-sev-guest's check expects).
func writePEM(path string, ders ...[]byte) error {
	var b strings.Builder
	for _, d := range ders {
		b.Write(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: d}))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

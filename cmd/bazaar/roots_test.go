package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-sev-guest/verify/testdata"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/enclave"
)

// TestAttestation_ProductionRoots deploys a registry pinning AMD's real Milan, Genoa and Turin
// ARKs and registers each line's real ASK and the real Milan VCEK from go-sev-guest's testdata;
// the simulated chain's ASK is refused under the real Milan root.
func TestAttestation_ProductionRoots(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dev, err := chain.StartDev(ctx, chain.DevConfig{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Stop(ctx)
	roots, err := productionRoots()
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 3 {
		t.Fatalf("%d roots, want Milan, Genoa and Turin", len(roots))
	}
	addr, _, err := chain.DeployAttestation(ctx, dev.Client(), chain.DevRelayerKey, chain.KeyAddress(chain.DevRelayerKey), roots, 24*time.Hour, 0)
	if err != nil {
		t.Fatal(err)
	}
	att := chain.NewAttestation(dev.Client(), addr)
	amd, err := enclave.AMDRoots()
	if err != nil {
		t.Fatal(err)
	}
	var milanASK [32]byte
	for _, line := range []string{"Milan", "Genoa", "Turin"} {
		id, rcpt, err := att.RegisterAsk(ctx, chain.DevRelayerKey, line, amd[line][0].ProductCerts.Ask.Raw)
		if err != nil {
			t.Fatalf("AMD's real %s ASK refused under its real ARK: %v", line, err)
		}
		t.Logf("%s ASK registered: %d gas", line, rcpt.GasUsed)
		if line == "Milan" {
			milanASK = id
		}
	}
	if _, _, err := att.RegisterVcek(ctx, chain.DevRelayerKey, milanASK, testdata.VcekBytes); err != nil {
		t.Fatalf("the real Milan VCEK refused: %v", err)
	}
	// The Genoa ASK under the Milan root, and the simulated ASK under the real root: refused.
	if _, _, err := att.RegisterAsk(ctx, chain.DevRelayerKey, "Milan", amd["Genoa"][0].ProductCerts.Ask.Raw); err == nil || !strings.Contains(err.Error(), "BadCertificateSignature") {
		t.Fatalf("Genoa ASK under the Milan root: %v", err)
	}
	snp, err := newDevSNP()
	if err != nil {
		t.Fatal(err)
	}
	_, simASK, _ := snp.Certificates()
	if _, _, err := att.RegisterAsk(ctx, chain.DevRelayerKey, "Milan", simASK); err == nil || !strings.Contains(err.Error(), "BadCertificateSignature") {
		t.Fatalf("simulated ASK under AMD's real Milan root: %v", err)
	}
}

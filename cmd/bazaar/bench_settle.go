package main

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ledger"
)

// benchSettleGas measures whole-transaction gas per payment when batches of 10, 100 and 1,000
// payments (over up to 100 vendors) settle through the Settlement contract, beside the same
// payments as direct ERC-20 transfers on the same chain, and prints the ratio.
func benchSettleGas(ctx context.Context, _ benchOpts) ([]BenchResult, error) {
	n, done, err := benchNode(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	if n.mkeys == nil || n.attest == nil {
		return nil, fmt.Errorf("bench node has no registered matcher")
	}
	payer := n.relayer
	usd, err := chain.DeployTestStablecoin(ctx, n.backend, payer)
	if err != nil {
		return nil, err
	}
	st, err := chain.DeploySettlement(ctx, n.backend, payer, usd.Address(), n.attest.Address(), 86400)
	if err != nil {
		return nil, err
	}
	big1e12 := new(big.Int).Lsh(big.NewInt(1), 60)
	if err := usd.Mint(ctx, payer, chain.KeyAddress(payer), big1e12); err != nil {
		return nil, err
	}
	if err := usd.Approve(ctx, payer, st.Address(), big1e12); err != nil {
		return nil, err
	}
	agent, _ := crypto.GenerateKey()
	account := chain.KeyAddress(agent)
	led := ledger.New(big.NewInt(chain.DevChainID), st.Address())
	if err := st.Deposit(ctx, payer, account, big.NewInt(1e12)); err != nil {
		return nil, err
	}
	led.Deposit(account, big.NewInt(1e12))

	var out []BenchResult
	nonce := uint64(0)
	for _, payments := range []int{10, 100, 1000} {
		vendors := min(payments, 100)
		var direct uint64
		for i := range payments {
			v := common.BigToAddress(big.NewInt(int64(0x10000 + i%vendors)))
			amount := big.NewInt(int64(1_000 + i))
			in, err := ledger.SignIntent(agent, big.NewInt(chain.DevChainID), st.Address(), ledger.Intent{Account: account, Vendor: v, Order: common.BigToHash(new(big.Int).SetUint64(nonce + 1)), Amount: amount, Nonce: nonce})
			if err != nil {
				return nil, err
			}
			nonce++
			if err := led.Pay(in); err != nil {
				return nil, err
			}
			g, err := usd.TransferGas(ctx, payer, v, amount)
			if err != nil {
				return nil, err
			}
			direct += g
		}
		plan, err := led.Plan()
		if err != nil {
			return nil, err
		}
		b := chain.Batch{Id: plan.ID, PrevRoot: plan.PrevRoot, NewRoot: plan.NewRoot, VendorRoot: plan.VendorRoot, DepositedSeen: plan.DepositedSeen}
		sig, err := st.SignBatch(ctx, n.mkeys.signer, b, plan.Vendors, plan.Totals)
		if err != nil {
			return nil, err
		}
		gas, err := st.PostBatchGas(ctx, payer, b, plan.Vendors, plan.Totals, sig)
		if err != nil {
			return nil, err
		}
		if err := led.Commit(plan); err != nil {
			return nil, err
		}
		per := float64(gas) / float64(payments)
		directPer := float64(direct) / float64(payments)
		out = append(out,
			BenchResult{fmt.Sprintf("settle_%d_gas_per_payment", payments), per, "gas"},
			BenchResult{fmt.Sprintf("settle_%d_direct_erc20_gas_per_payment", payments), directPer, "gas"},
			BenchResult{fmt.Sprintf("settle_%d_ratio", payments), directPer / per, "x"})
	}
	return out, nil
}

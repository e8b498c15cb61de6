package chain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar/chain/bindings"
)

var (
	redemptionsABI = bindings.NewRedemptions()
	verifierABI    = bindings.NewEligibilityVerifier()
)

// Redemptions is a handle on a deployed Redemptions contract.
type Redemptions struct {
	backend  Backend
	contract *bind.BoundContract
	addr     common.Address
}

// DeployRedemptions deploys the eligibility verifier and the Redemptions contract over the
// deal and attestation registries; it returns the Redemptions address and its block.
func DeployRedemptions(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, deals, attestation common.Address) (common.Address, uint64, error) {
	verifier, _, err := deploy(ctx, backend, key, "EligibilityVerifier", bindings.EligibilityVerifierMetaData.Bin, nil)
	if err != nil {
		return common.Address{}, 0, err
	}
	return deploy(ctx, backend, key, "Redemptions", bindings.RedemptionsMetaData.Bin, redemptionsABI.PackConstructor(deals, attestation, verifier))
}

// NewRedemptions binds a Redemptions contract at addr.
func NewRedemptions(backend Backend, addr common.Address) *Redemptions {
	return &Redemptions{backend: backend, contract: redemptionsABI.Instance(backend, addr), addr: addr}
}

// Address is the contract's address.
func (r *Redemptions) Address() common.Address { return r.addr }

func (r *Redemptions) send(ctx context.Context, key *ecdsa.PrivateKey, method string, data []byte) (*types.Receipt, error) {
	return sendCall(ctx, r.backend, r.contract, key, method, data, redemptionsRevert)
}

// PostRequirements records a deal version's requirements hash, signed by the matcher's key and
// paid for by payer.
func (r *Redemptions) PostRequirements(ctx context.Context, payer, matcher *ecdsa.PrivateKey, dealID common.Hash, version uint64, reqHash *big.Int) error {
	digest, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackRequirementsDigest(dealID, version, reqHash), redemptionsABI.UnpackRequirementsDigest)
	if err != nil {
		return fmt.Errorf("requirements digest: %w", err)
	}
	sig, err := crypto.Sign(digest[:], matcher)
	if err != nil {
		return err
	}
	sig[64] += 27
	_, err = r.send(ctx, payer, "postRequirements", redemptionsABI.PackPostRequirements(dealID, version, reqHash, sig))
	return err
}

// Redeem submits an eligibility proof (a relayer may pay; the proof binds payout).
func (r *Redemptions) Redeem(ctx context.Context, payer *ecdsa.PrivateKey, dealID common.Hash, proof [8]*big.Int, day, nullifier *big.Int, payout common.Address) (*types.Receipt, error) {
	return r.send(ctx, payer, "redeem", redemptionsABI.PackRedeem(dealID, proof, day, nullifier, payout))
}

// Count is a deal's redemptions so far.
func (r *Redemptions) Count(ctx context.Context, dealID common.Hash) (uint64, error) {
	return bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackRedemptions(dealID), redemptionsABI.UnpackRedemptions)
}

var redemptionsRevert = revertNamer([]errorDecoder{redemptionsABI, verifierABI, attestABI}, "Redemptions", "EligibilityVerifier", "AttestationRegistry")

// Requirement is the requirements hash posted for a deal and the version it is for.
func (r *Redemptions) Requirement(ctx context.Context, dealID common.Hash) (*big.Int, uint64, error) {
	out, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackRequirements(dealID), redemptionsABI.UnpackRequirements)
	if err != nil {
		return nil, 0, err
	}
	return out.ReqHash, out.Version, nil
}

// RegisterIssuer registers the matcher's credential-issuer key (x, y), signed by the matcher's
// attested key, payer paying. It does nothing if that key is already registered.
func (r *Redemptions) RegisterIssuer(ctx context.Context, payer, matcher *ecdsa.PrivateKey, x, y *big.Int) error {
	cur, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackIssuerOf(KeyAddress(matcher)), redemptionsABI.UnpackIssuerOf)
	if err == nil && cur.X.Cmp(x) == 0 && cur.Y.Cmp(y) == 0 {
		return nil
	}
	digest, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackIssuerDigest(x, y), redemptionsABI.UnpackIssuerDigest)
	if err != nil {
		return fmt.Errorf("issuer digest: %w", err)
	}
	sig, err := crypto.Sign(digest[:], matcher)
	if err != nil {
		return err
	}
	sig[64] += 27
	_, err = r.send(ctx, payer, "registerIssuer", redemptionsABI.PackRegisterIssuer(x, y, sig))
	return err
}

// IssuerOf reads a matcher's registered issuer key.
func (r *Redemptions) IssuerOf(ctx context.Context, matcher common.Address) (x, y *big.Int, err error) {
	out, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackIssuerOf(matcher), redemptionsABI.UnpackIssuerOf)
	if err != nil {
		return nil, nil, err
	}
	return out.X, out.Y, nil
}

// ProverKeys are where the proving system's keys are published.
type ProverKeys struct {
	VKHash common.Hash `json:"vkHash"` // the verifying key's hash (prover.Keys.VKHash)
	PKCid  string      `json:"pkCid"`
	VKCid  string      `json:"vkCid"`
}

// SetProverKeys records the keys' publication (the deployer, once). The contract refuses a
// VKHash other than its verifier's (VkHashMismatch).
func (r *Redemptions) SetProverKeys(ctx context.Context, deployer *ecdsa.PrivateKey, k ProverKeys) error {
	_, err := r.send(ctx, deployer, "setProverKeys", redemptionsABI.PackSetProverKeys(k.VKHash, k.PKCid, k.VKCid))
	return err
}

// ProverKeys reads the recorded publication (zero hash if none yet).
func (r *Redemptions) ProverKeys(ctx context.Context) (ProverKeys, error) {
	var k ProverKeys
	h, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackVkHash(), redemptionsABI.UnpackVkHash)
	if err != nil {
		return k, err
	}
	k.VKHash = h
	if k.PKCid, err = bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackPkCid(), redemptionsABI.UnpackPkCid); err != nil {
		return k, err
	}
	k.VKCid, err = bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackVkCid(), redemptionsABI.UnpackVkCid)
	return k, err
}

// RequirementsDigest is what the matcher signs to post a deal version's requirements hash.
func (r *Redemptions) RequirementsDigest(ctx context.Context, dealID common.Hash, version uint64, reqHash *big.Int) (common.Hash, error) {
	d, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackRequirementsDigest(dealID, version, reqHash), redemptionsABI.UnpackRequirementsDigest)
	return common.Hash(d), err
}

// IssuerDigest is what the matcher signs to register its issuer key.
func (r *Redemptions) IssuerDigest(ctx context.Context, x, y *big.Int) (common.Hash, error) {
	d, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackIssuerDigest(x, y), redemptionsABI.UnpackIssuerDigest)
	return common.Hash(d), err
}

// SignedRequirements is a matcher's signed requirements post, submitted by anyone.
type SignedRequirements struct {
	DealID    common.Hash  `json:"dealId"`
	Version   uint64       `json:"version"`
	ReqHash   *hexutil.Big `json:"reqHash"`
	Signature []byte       `json:"signature"`
}

// SignedIssuer is a matcher's signed issuer-key registration, submitted by anyone.
type SignedIssuer struct {
	X         *hexutil.Big `json:"x"`
	Y         *hexutil.Big `json:"y"`
	Signature []byte       `json:"signature"`
}

// SubmitRequirements sends a matcher's signed requirements post, payer paying.
func (r *Redemptions) SubmitRequirements(ctx context.Context, payer *ecdsa.PrivateKey, s SignedRequirements) error {
	_, err := r.send(ctx, payer, "postRequirements", redemptionsABI.PackPostRequirements(s.DealID, s.Version, s.ReqHash.ToInt(), s.Signature))
	return err
}

// SubmitIssuer sends a matcher's signed issuer registration, payer paying.
func (r *Redemptions) SubmitIssuer(ctx context.Context, payer *ecdsa.PrivateKey, s SignedIssuer) error {
	_, err := r.send(ctx, payer, "registerIssuer", redemptionsABI.PackRegisterIssuer(s.X.ToInt(), s.Y.ToInt(), s.Signature))
	return err
}

// SignDigest signs a contract digest with a matcher key (v in 27/28 as the contracts expect).
func SignDigest(key *ecdsa.PrivateKey, digest common.Hash) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], key)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// NullifierUsed reports whether a nullifier was spent (the deal redeemed by that agent).
func (r *Redemptions) NullifierUsed(ctx context.Context, nullifier *big.Int) (bool, error) {
	return bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackNullifierUsed(nullifier), redemptionsABI.UnpackNullifierUsed)
}

package chain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain/bindings"
)

var (
	redemptionsABI = bindings.NewRedemptions()
	verifierABI    = bindings.NewEligibilityVerifier()
)

// ErrRequirementsPosted means a deal version's requirements hash is already on-chain: the
// contract takes one post per deal version, whoever signs it.
var ErrRequirementsPosted = errors.New("requirements already posted for this deal version")

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

// PostRequirements records a deal version's requirements hash, computed for credentials of the
// issuer key (issuerX, issuerY), signed by the matcher's key (whose registered issuer key that
// must be) and paid for by payer. A version posted before (by anyone) sends nothing and returns
// ErrRequirementsPosted, as does a post that loses a race to another.
func (r *Redemptions) PostRequirements(ctx context.Context, payer, matcher *ecdsa.PrivateKey, dealID common.Hash, version uint64, reqHash, issuerX, issuerY *big.Int) error {
	digest, err := r.RequirementsDigest(ctx, dealID, version, reqHash, issuerX, issuerY)
	if err != nil {
		return fmt.Errorf("requirements digest: %w", err)
	}
	sig, err := SignDigest(matcher, digest)
	if err != nil {
		return err
	}
	return r.SubmitRequirements(ctx, payer, SignedRequirements{DealID: dealID, Version: version, ReqHash: (*hexutil.Big)(reqHash),
		IssuerX: (*hexutil.Big)(issuerX), IssuerY: (*hexutil.Big)(issuerY), Signature: sig})
}

// Posted reports whether a deal version's requirements are on-chain.
func (r *Redemptions) Posted(ctx context.Context, dealID common.Hash, version uint64) (bool, error) {
	req, err := r.Requirement(ctx, dealID)
	if err != nil {
		return false, err
	}
	return req.Matcher != (common.Address{}) && req.Version == version, nil
}

// Redeem submits an eligibility proof (a relayer may pay; the proof binds payout).
func (r *Redemptions) Redeem(ctx context.Context, payer *ecdsa.PrivateKey, dealID common.Hash, proof [8]*big.Int, day, nullifier *big.Int, payout common.Address) (*types.Receipt, error) {
	return r.send(ctx, payer, "redeem", redemptionsABI.PackRedeem(dealID, proof, day, nullifier, payout))
}

// Count is a deal's redemptions so far.
func (r *Redemptions) Count(ctx context.Context, dealID common.Hash) (uint64, error) {
	return bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackRedemptions(dealID), redemptionsABI.UnpackRedemptions)
}

var redemptionsNamer = revertNamer([]errorDecoder{redemptionsABI, verifierABI, attestABI}, "Redemptions", "EligibilityVerifier", "AttestationRegistry")

// redemptionsRevert names the contract's refusal; RequirementsAlreadyPosted also wraps
// ErrRequirementsPosted, which callers treat as done.
func redemptionsRevert(method string, err error) error {
	named := redemptionsNamer(method, err)
	if data, ok := revertData(err); ok {
		if raw, derr := hexutil.Decode(data); derr == nil {
			if v, uerr := redemptionsABI.UnpackError(raw); uerr == nil {
				if _, ok := v.(*bindings.RedemptionsRequirementsAlreadyPosted); ok {
					return fmt.Errorf("%w (%w)", ErrRequirementsPosted, named)
				}
			}
		}
	}
	return named
}

// Requirement is what is on-chain for a deal: the requirements hash of one version, the matcher
// that posted it and the credential-issuer key the hash commits to. Zero if none was posted.
type Requirement struct {
	ReqHash *big.Int
	Version uint64
	Matcher common.Address
	IssuerX *big.Int
	IssuerY *big.Int
}

// Requirement reads the requirements posted for a deal (the latest version posted).
func (r *Redemptions) Requirement(ctx context.Context, dealID common.Hash) (Requirement, error) {
	out, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackRequirements(dealID), redemptionsABI.UnpackRequirements)
	if err != nil {
		return Requirement{}, err
	}
	return Requirement{ReqHash: out.ReqHash, Version: out.Version, Matcher: out.Matcher, IssuerX: out.IssuerX, IssuerY: out.IssuerY}, nil
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

// RequirementsDigest is what the matcher signs to post a deal version's requirements hash,
// computed for credentials of the issuer key (issuerX, issuerY).
func (r *Redemptions) RequirementsDigest(ctx context.Context, dealID common.Hash, version uint64, reqHash, issuerX, issuerY *big.Int) (common.Hash, error) {
	d, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackRequirementsDigest(dealID, version, reqHash, issuerX, issuerY), redemptionsABI.UnpackRequirementsDigest)
	return common.Hash(d), err
}

// IssuerDigest is what the matcher signs to register its issuer key.
func (r *Redemptions) IssuerDigest(ctx context.Context, x, y *big.Int) (common.Hash, error) {
	d, err := bind.Call(r.contract, &bind.CallOpts{Context: ctx}, redemptionsABI.PackIssuerDigest(x, y), redemptionsABI.UnpackIssuerDigest)
	return common.Hash(d), err
}

// SignedRequirements is a matcher's signed requirements post, submitted by anyone: the hash is
// computed for credentials of the issuer key (IssuerX, IssuerY), the matcher's registered one.
type SignedRequirements struct {
	DealID    common.Hash  `json:"dealId"`
	Version   uint64       `json:"version"`
	ReqHash   *hexutil.Big `json:"reqHash"`
	IssuerX   *hexutil.Big `json:"issuerX"`
	IssuerY   *hexutil.Big `json:"issuerY"`
	Signature []byte       `json:"signature"`
}

// SignedIssuer is a matcher's signed issuer-key registration, submitted by anyone.
type SignedIssuer struct {
	X         *hexutil.Big `json:"x"`
	Y         *hexutil.Big `json:"y"`
	Signature []byte       `json:"signature"`
}

// SubmitRequirements sends a matcher's signed requirements post, payer paying. Like
// PostRequirements it sends nothing for a version already posted (ErrRequirementsPosted).
func (r *Redemptions) SubmitRequirements(ctx context.Context, payer *ecdsa.PrivateKey, s SignedRequirements) error {
	if s.ReqHash == nil || s.IssuerX == nil || s.IssuerY == nil {
		return &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "signed requirements: reqHash, issuerX and issuerY are required"}
	}
	if done, err := r.Posted(ctx, s.DealID, s.Version); err != nil {
		return err
	} else if done {
		return ErrRequirementsPosted
	}
	_, err := r.send(ctx, payer, "postRequirements",
		redemptionsABI.PackPostRequirements(s.DealID, s.Version, s.ReqHash.ToInt(), s.IssuerX.ToInt(), s.IssuerY.ToInt(), s.Signature))
	if err != nil && !errors.Is(err, ErrRequirementsPosted) {
		// A post that lost a race after its simulation reverts when mined, without a reason.
		if done, perr := r.Posted(ctx, s.DealID, s.Version); perr == nil && done {
			return fmt.Errorf("%w (%w)", ErrRequirementsPosted, err)
		}
	}
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

// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// RedemptionsMetaData contains all meta data concerning the Redemptions contract.
var RedemptionsMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"deals_\",\"type\":\"address\",\"internalType\":\"contractIDealRegistry\"},{\"name\":\"attestation_\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"},{\"name\":\"verifier_\",\"type\":\"address\",\"internalType\":\"contractIEligibilityVerifier\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"ISSUER_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"REQUIREMENTS_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"attestation\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deals\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIDealRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"issuerDigest\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"issuerOf\",\"inputs\":[{\"name\":\"matcher\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"x\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nullifierUsed\",\"inputs\":[{\"name\":\"nullifier\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"postRequirements\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"reqHash\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"redeem\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"proof\",\"type\":\"uint256[8]\",\"internalType\":\"uint256[8]\"},{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"nullifier\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"payout\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"redemptions\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"registerIssuer\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requirements\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"reqHash\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"requirementsDigest\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"reqHash\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifier\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIEligibilityVerifier\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"IssuerRegistered\",\"inputs\":[{\"name\":\"matcher\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"x\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Redeemed\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"nullifier\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RequirementsPosted\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"reqHash\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"matcher\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"DealNotActive\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"NoRequirements\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"NullifierUsed\",\"inputs\":[{\"name\":\"nullifier\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SoldOut\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"StaleDay\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"today\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"UnknownDeal\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}]",
	ID:  "Redemptions",
	Bin: "0x60e060405234801561000f575f5ffd5b5060405161106e38038061106e83398101604081905261002e91610062565b6001600160a01b0392831660805290821660a0521660c0526100ac565b6001600160a01b038116811461005f575f5ffd5b50565b5f5f5f60608486031215610074575f5ffd5b835161007f8161004b565b60208501519093506100908161004b565b60408501519092506100a18161004b565b809150509250925092565b60805160a05160c051610f6f6100ff5f395f81816101db0152610a5d01525f81816102020152818161033e015261057501525f818160ee015281816103f80152818161078a015261083f0152610f6f5ff3fe608060405234801561000f575f5ffd5b50600436106100e5575f3560e01c806379f95ee911610088578063a473220211610063578063a47322021461027c578063aeb4300e1461028f578063c04d32e5146102b6578063d289ad08146102fb575f5ffd5b806379f95ee9146102245780637bfb9308146102565780638b1c743b14610269575f5ffd5b80631f62bc3c116100c35780631f62bc3c146101ae57806324b19d61146101c35780632b7ac3f3146101d65780635ea1d46a146101fd575f5ffd5b80630f752fe8146100e957806311d9c34a1461012d57806317d3899c14610179575b5f5ffd5b6101107f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b61015c61013b366004610b59565b5f60208190529081526040902080546001909101546001600160401b031682565b604080519283526001600160401b03909116602083015201610124565b6101a07fc82b857f010a0a3690798c700bdd15e5f257aca314f0ba5d48854bbbcfc814d081565b604051908152602001610124565b6101c16101bc366004610bcb565b61033b565b005b6101c16101d1366004610c2f565b610572565b6101107f000000000000000000000000000000000000000000000000000000000000000081565b6101107f000000000000000000000000000000000000000000000000000000000000000081565b610246610232366004610b59565b60026020525f908152604090205460ff1681565b6040519015158152602001610124565b6101a0610264366004610c7d565b61068f565b6101a0610277366004610c9d565b6106f9565b6101c161028a366004610ce6565b610772565b6101a07fccc31cfc1a3eacbf4694a5a75424e89f1128ba5039ba7e998eac7919be0eaf8581565b6102e66102c4366004610d3e565b6001600160a01b03165f90815260036020526040902080546001909101549091565b60408051928352602083019190915201610124565b610323610309366004610b59565b60016020525f90815260409020546001600160401b031681565b6040516001600160401b039091168152602001610124565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166302c4ed356103768888886106f9565b85856040518463ffffffff1660e01b815260040161039693929190610d60565b602060405180830381865afa1580156103b1573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906103d59190610da5565b6040516351a6fad560e01b8152600481018890529091505f906001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016906351a6fad59060240160e060405180830381865afa15801561043d573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906104619190610dee565b80519091506001600160a01b031661049457604051636a196fcb60e01b8152600481018890526024015b60405180910390fd5b80602001516001600160401b0316866001600160401b0316146104db57604051628956b760e21b8152600481018890526001600160401b038716602482015260440161048b565b6040805180820182528681526001600160401b0388811660208084018281525f8d815280835286902094518555516001909401805467ffffffffffffffff1916949093169390931790915582519081529081018790526001600160a01b0384169189917f7fbd7a7d0957f99c2c743fa425b63fc2a9ee12eb046670f12d4f6e96c3d55d5e910160405180910390a350505050505050565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166302c4ed356105ac878761068f565b85856040518463ffffffff1660e01b81526004016105cc93929190610d60565b602060405180830381865afa1580156105e7573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061060b9190610da5565b60408051808201825287815260208082018890526001600160a01b0384165f9081526003909152919091209192506106439082610ea3565b5060408051868152602081018690526001600160a01b038316917ff561466d4738cca9602ed90ebdc97f2ca8c88474ae46907b5e8fd56538c445cf910160405180910390a25050505050565b604080517fc82b857f010a0a3690798c700bdd15e5f257aca314f0ba5d48854bbbcfc814d0602082015246918101919091523060608201526080810183905260a081018290525f9060c0016040516020818303038152906040528051906020012090505b92915050565b604080517fccc31cfc1a3eacbf4694a5a75424e89f1128ba5039ba7e998eac7919be0eaf8560208201524691810191909152306060820152608081018490526001600160401b03831660a082015260c081018290525f9060e0016040516020818303038152906040528051906020012090509392505050565b6040516351a6fad560e01b8152600481018690525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906351a6fad59060240160e060405180830381865afa1580156107d7573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906107fb9190610dee565b80519091506001600160a01b031661082957604051636a196fcb60e01b81526004810187905260240161048b565b60405163170da40760e21b8152600481018790527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690635c36901c90602401602060405180830381865afa15801561088c573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906108b09190610ec9565b6108d057604051637c9d577760e11b81526004810187905260240161048b565b5f8681526001602052604090205460608201516001600160401b03918216911681106109125760405163238b895d60e01b81526004810188905260240161048b565b5f8781526020818152604091829020825180840190935280548084526001909101546001600160401b031691830191909152158061096a575082602001516001600160401b031681602001516001600160401b031614155b1561099f576020830151604051628956b760e21b8152600481018a90526001600160401b03909116602482015260440161048b565b5f6109ad6201518042610ee2565b90508087141580156109c95750806109c6886001610f01565b14155b156109f15760405163197815c360e31b8152600481018890526024810182905260440161048b565b5f8681526002602052604090205460ff1615610a235760405163093b5a1d60e31b81526004810187905260240161048b565b6040805160608101825283518152602080820189905287901b640100000000600160c01b031689178183015290516365c0325960e01b81527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316916365c0325991610a9a918c91600401610f14565b5f6040518083038186803b158015610ab0575f5ffd5b505afa158015610ac2573d5f5f3e3d5ffd5b5050505f878152600260205260409020805460ff19166001908117909155610aec91508490610f50565b5f8a815260016020908152604091829020805467ffffffffffffffff19166001600160401b039490941693909317909255518781528a917f11673c127f647a39cbf39134f14445ebf13558f7ec53c37294dabb256868c48a910160405180910390a2505050505050505050565b5f60208284031215610b69575f5ffd5b5035919050565b6001600160401b0381168114610b84575f5ffd5b50565b5f5f83601f840112610b97575f5ffd5b5081356001600160401b03811115610bad575f5ffd5b602083019150836020828501011115610bc4575f5ffd5b9250929050565b5f5f5f5f5f60808688031215610bdf575f5ffd5b853594506020860135610bf181610b70565b93506040860135925060608601356001600160401b03811115610c12575f5ffd5b610c1e88828901610b87565b969995985093965092949392505050565b5f5f5f5f60608587031215610c42575f5ffd5b843593506020850135925060408501356001600160401b03811115610c65575f5ffd5b610c7187828801610b87565b95989497509550505050565b5f5f60408385031215610c8e575f5ffd5b50508035926020909101359150565b5f5f5f60608486031215610caf575f5ffd5b833592506020840135610cc181610b70565b929592945050506040919091013590565b6001600160a01b0381168114610b84575f5ffd5b5f5f5f5f5f6101808688031215610cfb575f5ffd5b85359450610120860187811115610d10575f5ffd5b6020870194503592506101408601359150610160860135610d3081610cd2565b809150509295509295909350565b5f60208284031215610d4e575f5ffd5b8135610d5981610cd2565b9392505050565b83815260406020820152816040820152818360608301375f818301606090810191909152601f909201601f1916010192915050565b8051610da081610cd2565b919050565b5f60208284031215610db5575f5ffd5b8151610d5981610cd2565b634e487b7160e01b5f52604160045260245ffd5b8051610da081610b70565b80518015158114610da0575f5ffd5b5f60e0828403128015610dff575f5ffd5b5060405160e081016001600160401b0381118282101715610e2257610e22610dc0565b604052610e2e83610d95565b8152610e3c60208401610dd4565b6020820152610e4d60408401610dd4565b6040820152610e5e60608401610dd4565b60608201526080838101519082015260a08084015190820152610e8360c08401610ddf565b60c08201529392505050565b634e487b7160e01b5f52601160045260245ffd5b815f5b6002811015610ec357815183820155602090910190600101610ea6565b50505050565b5f60208284031215610ed9575f5ffd5b610d5982610ddf565b5f82610efc57634e487b7160e01b5f52601260045260245ffd5b500490565b808201808211156106f3576106f3610e8f565b61016081016101008483376101008201835f5b6003811015610f46578151835260209283019290910190600101610f27565b5050509392505050565b6001600160401b0381811683821601908111156106f3576106f3610e8f56",
}

// Redemptions is an auto generated Go binding around an Ethereum contract.
type Redemptions struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Redemptions) GetABI() abi.ABI {
	return c.abi
}

// NewRedemptions creates a new instance of Redemptions.
func NewRedemptions() *Redemptions {
	parsed, err := RedemptionsMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Redemptions{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Redemptions) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address deals_, address attestation_, address verifier_) returns()
func (redemptions *Redemptions) PackConstructor(deals_ common.Address, attestation_ common.Address, verifier_ common.Address) []byte {
	enc, err := redemptions.abi.Pack("", deals_, attestation_, verifier_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackISSUERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17d3899c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ISSUER_TYPEHASH() view returns(bytes32)
func (redemptions *Redemptions) PackISSUERTYPEHASH() []byte {
	enc, err := redemptions.abi.Pack("ISSUER_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackISSUERTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17d3899c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ISSUER_TYPEHASH() view returns(bytes32)
func (redemptions *Redemptions) TryPackISSUERTYPEHASH() ([]byte, error) {
	return redemptions.abi.Pack("ISSUER_TYPEHASH")
}

// UnpackISSUERTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x17d3899c.
//
// Solidity: function ISSUER_TYPEHASH() view returns(bytes32)
func (redemptions *Redemptions) UnpackISSUERTYPEHASH(data []byte) ([32]byte, error) {
	out, err := redemptions.abi.Unpack("ISSUER_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackREQUIREMENTSTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaeb4300e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function REQUIREMENTS_TYPEHASH() view returns(bytes32)
func (redemptions *Redemptions) PackREQUIREMENTSTYPEHASH() []byte {
	enc, err := redemptions.abi.Pack("REQUIREMENTS_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackREQUIREMENTSTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaeb4300e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function REQUIREMENTS_TYPEHASH() view returns(bytes32)
func (redemptions *Redemptions) TryPackREQUIREMENTSTYPEHASH() ([]byte, error) {
	return redemptions.abi.Pack("REQUIREMENTS_TYPEHASH")
}

// UnpackREQUIREMENTSTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaeb4300e.
//
// Solidity: function REQUIREMENTS_TYPEHASH() view returns(bytes32)
func (redemptions *Redemptions) UnpackREQUIREMENTSTYPEHASH(data []byte) ([32]byte, error) {
	out, err := redemptions.abi.Unpack("REQUIREMENTS_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAttestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ea1d46a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestation() view returns(address)
func (redemptions *Redemptions) PackAttestation() []byte {
	enc, err := redemptions.abi.Pack("attestation")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ea1d46a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestation() view returns(address)
func (redemptions *Redemptions) TryPackAttestation() ([]byte, error) {
	return redemptions.abi.Pack("attestation")
}

// UnpackAttestation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5ea1d46a.
//
// Solidity: function attestation() view returns(address)
func (redemptions *Redemptions) UnpackAttestation(data []byte) (common.Address, error) {
	out, err := redemptions.abi.Unpack("attestation", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackDeals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f752fe8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deals() view returns(address)
func (redemptions *Redemptions) PackDeals() []byte {
	enc, err := redemptions.abi.Pack("deals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f752fe8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deals() view returns(address)
func (redemptions *Redemptions) TryPackDeals() ([]byte, error) {
	return redemptions.abi.Pack("deals")
}

// UnpackDeals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0f752fe8.
//
// Solidity: function deals() view returns(address)
func (redemptions *Redemptions) UnpackDeals(data []byte) (common.Address, error) {
	out, err := redemptions.abi.Unpack("deals", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackIssuerDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7bfb9308.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function issuerDigest(uint256 x, uint256 y) view returns(bytes32)
func (redemptions *Redemptions) PackIssuerDigest(x *big.Int, y *big.Int) []byte {
	enc, err := redemptions.abi.Pack("issuerDigest", x, y)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIssuerDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7bfb9308.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function issuerDigest(uint256 x, uint256 y) view returns(bytes32)
func (redemptions *Redemptions) TryPackIssuerDigest(x *big.Int, y *big.Int) ([]byte, error) {
	return redemptions.abi.Pack("issuerDigest", x, y)
}

// UnpackIssuerDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7bfb9308.
//
// Solidity: function issuerDigest(uint256 x, uint256 y) view returns(bytes32)
func (redemptions *Redemptions) UnpackIssuerDigest(data []byte) ([32]byte, error) {
	out, err := redemptions.abi.Unpack("issuerDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackIssuerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc04d32e5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function issuerOf(address matcher) view returns(uint256 x, uint256 y)
func (redemptions *Redemptions) PackIssuerOf(matcher common.Address) []byte {
	enc, err := redemptions.abi.Pack("issuerOf", matcher)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIssuerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc04d32e5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function issuerOf(address matcher) view returns(uint256 x, uint256 y)
func (redemptions *Redemptions) TryPackIssuerOf(matcher common.Address) ([]byte, error) {
	return redemptions.abi.Pack("issuerOf", matcher)
}

// IssuerOfOutput serves as a container for the return parameters of contract
// method IssuerOf.
type IssuerOfOutput struct {
	X *big.Int
	Y *big.Int
}

// UnpackIssuerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc04d32e5.
//
// Solidity: function issuerOf(address matcher) view returns(uint256 x, uint256 y)
func (redemptions *Redemptions) UnpackIssuerOf(data []byte) (IssuerOfOutput, error) {
	out, err := redemptions.abi.Unpack("issuerOf", data)
	outstruct := new(IssuerOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.X = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Y = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackNullifierUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79f95ee9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nullifierUsed(uint256 nullifier) view returns(bool)
func (redemptions *Redemptions) PackNullifierUsed(nullifier *big.Int) []byte {
	enc, err := redemptions.abi.Pack("nullifierUsed", nullifier)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNullifierUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79f95ee9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nullifierUsed(uint256 nullifier) view returns(bool)
func (redemptions *Redemptions) TryPackNullifierUsed(nullifier *big.Int) ([]byte, error) {
	return redemptions.abi.Pack("nullifierUsed", nullifier)
}

// UnpackNullifierUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x79f95ee9.
//
// Solidity: function nullifierUsed(uint256 nullifier) view returns(bool)
func (redemptions *Redemptions) UnpackNullifierUsed(data []byte) (bool, error) {
	out, err := redemptions.abi.Unpack("nullifierUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPostRequirements is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f62bc3c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function postRequirements(bytes32 dealId, uint64 version, uint256 reqHash, bytes signature) returns()
func (redemptions *Redemptions) PackPostRequirements(dealId [32]byte, version uint64, reqHash *big.Int, signature []byte) []byte {
	enc, err := redemptions.abi.Pack("postRequirements", dealId, version, reqHash, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPostRequirements is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1f62bc3c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function postRequirements(bytes32 dealId, uint64 version, uint256 reqHash, bytes signature) returns()
func (redemptions *Redemptions) TryPackPostRequirements(dealId [32]byte, version uint64, reqHash *big.Int, signature []byte) ([]byte, error) {
	return redemptions.abi.Pack("postRequirements", dealId, version, reqHash, signature)
}

// PackRedeem is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4732202.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function redeem(bytes32 dealId, uint256[8] proof, uint256 day, uint256 nullifier, address payout) returns()
func (redemptions *Redemptions) PackRedeem(dealId [32]byte, proof [8]*big.Int, day *big.Int, nullifier *big.Int, payout common.Address) []byte {
	enc, err := redemptions.abi.Pack("redeem", dealId, proof, day, nullifier, payout)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRedeem is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4732202.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function redeem(bytes32 dealId, uint256[8] proof, uint256 day, uint256 nullifier, address payout) returns()
func (redemptions *Redemptions) TryPackRedeem(dealId [32]byte, proof [8]*big.Int, day *big.Int, nullifier *big.Int, payout common.Address) ([]byte, error) {
	return redemptions.abi.Pack("redeem", dealId, proof, day, nullifier, payout)
}

// PackRedemptions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd289ad08.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function redemptions(bytes32 dealId) view returns(uint64)
func (redemptions *Redemptions) PackRedemptions(dealId [32]byte) []byte {
	enc, err := redemptions.abi.Pack("redemptions", dealId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRedemptions is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd289ad08.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function redemptions(bytes32 dealId) view returns(uint64)
func (redemptions *Redemptions) TryPackRedemptions(dealId [32]byte) ([]byte, error) {
	return redemptions.abi.Pack("redemptions", dealId)
}

// UnpackRedemptions is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd289ad08.
//
// Solidity: function redemptions(bytes32 dealId) view returns(uint64)
func (redemptions *Redemptions) UnpackRedemptions(data []byte) (uint64, error) {
	out, err := redemptions.abi.Unpack("redemptions", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackRegisterIssuer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24b19d61.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerIssuer(uint256 x, uint256 y, bytes signature) returns()
func (redemptions *Redemptions) PackRegisterIssuer(x *big.Int, y *big.Int, signature []byte) []byte {
	enc, err := redemptions.abi.Pack("registerIssuer", x, y, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterIssuer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24b19d61.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerIssuer(uint256 x, uint256 y, bytes signature) returns()
func (redemptions *Redemptions) TryPackRegisterIssuer(x *big.Int, y *big.Int, signature []byte) ([]byte, error) {
	return redemptions.abi.Pack("registerIssuer", x, y, signature)
}

// PackRequirements is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x11d9c34a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requirements(bytes32 dealId) view returns(uint256 reqHash, uint64 version)
func (redemptions *Redemptions) PackRequirements(dealId [32]byte) []byte {
	enc, err := redemptions.abi.Pack("requirements", dealId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequirements is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x11d9c34a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requirements(bytes32 dealId) view returns(uint256 reqHash, uint64 version)
func (redemptions *Redemptions) TryPackRequirements(dealId [32]byte) ([]byte, error) {
	return redemptions.abi.Pack("requirements", dealId)
}

// RequirementsOutput serves as a container for the return parameters of contract
// method Requirements.
type RequirementsOutput struct {
	ReqHash *big.Int
	Version uint64
}

// UnpackRequirements is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x11d9c34a.
//
// Solidity: function requirements(bytes32 dealId) view returns(uint256 reqHash, uint64 version)
func (redemptions *Redemptions) UnpackRequirements(data []byte) (RequirementsOutput, error) {
	out, err := redemptions.abi.Unpack("requirements", data)
	outstruct := new(RequirementsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.ReqHash = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Version = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackRequirementsDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b1c743b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requirementsDigest(bytes32 dealId, uint64 version, uint256 reqHash) view returns(bytes32)
func (redemptions *Redemptions) PackRequirementsDigest(dealId [32]byte, version uint64, reqHash *big.Int) []byte {
	enc, err := redemptions.abi.Pack("requirementsDigest", dealId, version, reqHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequirementsDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b1c743b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requirementsDigest(bytes32 dealId, uint64 version, uint256 reqHash) view returns(bytes32)
func (redemptions *Redemptions) TryPackRequirementsDigest(dealId [32]byte, version uint64, reqHash *big.Int) ([]byte, error) {
	return redemptions.abi.Pack("requirementsDigest", dealId, version, reqHash)
}

// UnpackRequirementsDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8b1c743b.
//
// Solidity: function requirementsDigest(bytes32 dealId, uint64 version, uint256 reqHash) view returns(bytes32)
func (redemptions *Redemptions) UnpackRequirementsDigest(data []byte) ([32]byte, error) {
	out, err := redemptions.abi.Unpack("requirementsDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifier() view returns(address)
func (redemptions *Redemptions) PackVerifier() []byte {
	enc, err := redemptions.abi.Pack("verifier")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifier is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2b7ac3f3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifier() view returns(address)
func (redemptions *Redemptions) TryPackVerifier() ([]byte, error) {
	return redemptions.abi.Pack("verifier")
}

// UnpackVerifier is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2b7ac3f3.
//
// Solidity: function verifier() view returns(address)
func (redemptions *Redemptions) UnpackVerifier(data []byte) (common.Address, error) {
	out, err := redemptions.abi.Unpack("verifier", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// RedemptionsIssuerRegistered represents a IssuerRegistered event raised by the Redemptions contract.
type RedemptionsIssuerRegistered struct {
	Matcher common.Address
	X       *big.Int
	Y       *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RedemptionsIssuerRegisteredEventName = "IssuerRegistered"

// ContractEventName returns the user-defined event name.
func (RedemptionsIssuerRegistered) ContractEventName() string {
	return RedemptionsIssuerRegisteredEventName
}

// UnpackIssuerRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event IssuerRegistered(address indexed matcher, uint256 x, uint256 y)
func (redemptions *Redemptions) UnpackIssuerRegisteredEvent(log *types.Log) (*RedemptionsIssuerRegistered, error) {
	event := "IssuerRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != redemptions.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RedemptionsIssuerRegistered)
	if len(log.Data) > 0 {
		if err := redemptions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range redemptions.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RedemptionsRedeemed represents a Redeemed event raised by the Redemptions contract.
type RedemptionsRedeemed struct {
	DealId    [32]byte
	Nullifier *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const RedemptionsRedeemedEventName = "Redeemed"

// ContractEventName returns the user-defined event name.
func (RedemptionsRedeemed) ContractEventName() string {
	return RedemptionsRedeemedEventName
}

// UnpackRedeemedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Redeemed(bytes32 indexed dealId, uint256 nullifier)
func (redemptions *Redemptions) UnpackRedeemedEvent(log *types.Log) (*RedemptionsRedeemed, error) {
	event := "Redeemed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != redemptions.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RedemptionsRedeemed)
	if len(log.Data) > 0 {
		if err := redemptions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range redemptions.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RedemptionsRequirementsPosted represents a RequirementsPosted event raised by the Redemptions contract.
type RedemptionsRequirementsPosted struct {
	DealId  [32]byte
	Version uint64
	ReqHash *big.Int
	Matcher common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const RedemptionsRequirementsPostedEventName = "RequirementsPosted"

// ContractEventName returns the user-defined event name.
func (RedemptionsRequirementsPosted) ContractEventName() string {
	return RedemptionsRequirementsPostedEventName
}

// UnpackRequirementsPostedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RequirementsPosted(bytes32 indexed dealId, uint64 version, uint256 reqHash, address indexed matcher)
func (redemptions *Redemptions) UnpackRequirementsPostedEvent(log *types.Log) (*RedemptionsRequirementsPosted, error) {
	event := "RequirementsPosted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != redemptions.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RedemptionsRequirementsPosted)
	if len(log.Data) > 0 {
		if err := redemptions.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range redemptions.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (redemptions *Redemptions) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], redemptions.abi.Errors["DealNotActive"].ID.Bytes()[:4]) {
		return redemptions.UnpackDealNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["NoRequirements"].ID.Bytes()[:4]) {
		return redemptions.UnpackNoRequirementsError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["NullifierUsed"].ID.Bytes()[:4]) {
		return redemptions.UnpackNullifierUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["SoldOut"].ID.Bytes()[:4]) {
		return redemptions.UnpackSoldOutError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["StaleDay"].ID.Bytes()[:4]) {
		return redemptions.UnpackStaleDayError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["UnknownDeal"].ID.Bytes()[:4]) {
		return redemptions.UnpackUnknownDealError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RedemptionsDealNotActive represents a DealNotActive error raised by the Redemptions contract.
type RedemptionsDealNotActive struct {
	DealId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DealNotActive(bytes32 dealId)
func RedemptionsDealNotActiveErrorID() common.Hash {
	return common.HexToHash("0xf93aaeee53f57c98b3de0bc43d47f15ddb3c5546f1a939dba8847f24d51a6a09")
}

// UnpackDealNotActiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DealNotActive(bytes32 dealId)
func (redemptions *Redemptions) UnpackDealNotActiveError(raw []byte) (*RedemptionsDealNotActive, error) {
	out := new(RedemptionsDealNotActive)
	if err := redemptions.abi.UnpackIntoInterface(out, "DealNotActive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RedemptionsNoRequirements represents a NoRequirements error raised by the Redemptions contract.
type RedemptionsNoRequirements struct {
	DealId  [32]byte
	Version uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoRequirements(bytes32 dealId, uint64 version)
func RedemptionsNoRequirementsErrorID() common.Hash {
	return common.HexToHash("0x02255adc9bb0f059feac264d3ecba738705cc78cb4335b91e2f27879c0088bbc")
}

// UnpackNoRequirementsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoRequirements(bytes32 dealId, uint64 version)
func (redemptions *Redemptions) UnpackNoRequirementsError(raw []byte) (*RedemptionsNoRequirements, error) {
	out := new(RedemptionsNoRequirements)
	if err := redemptions.abi.UnpackIntoInterface(out, "NoRequirements", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RedemptionsNullifierUsed represents a NullifierUsed error raised by the Redemptions contract.
type RedemptionsNullifierUsed struct {
	Nullifier *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NullifierUsed(uint256 nullifier)
func RedemptionsNullifierUsedErrorID() common.Hash {
	return common.HexToHash("0x49dad0e89c31a259d3e177fa5c4bb23dfb7bfbc2afce873328262a97dd392778")
}

// UnpackNullifierUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NullifierUsed(uint256 nullifier)
func (redemptions *Redemptions) UnpackNullifierUsedError(raw []byte) (*RedemptionsNullifierUsed, error) {
	out := new(RedemptionsNullifierUsed)
	if err := redemptions.abi.UnpackIntoInterface(out, "NullifierUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RedemptionsSoldOut represents a SoldOut error raised by the Redemptions contract.
type RedemptionsSoldOut struct {
	DealId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SoldOut(bytes32 dealId)
func RedemptionsSoldOutErrorID() common.Hash {
	return common.HexToHash("0x238b895d61b7bf39c64934c92269d690f6289241ab5157d58f93a74e82681879")
}

// UnpackSoldOutError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SoldOut(bytes32 dealId)
func (redemptions *Redemptions) UnpackSoldOutError(raw []byte) (*RedemptionsSoldOut, error) {
	out := new(RedemptionsSoldOut)
	if err := redemptions.abi.UnpackIntoInterface(out, "SoldOut", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RedemptionsStaleDay represents a StaleDay error raised by the Redemptions contract.
type RedemptionsStaleDay struct {
	Day   *big.Int
	Today *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleDay(uint256 day, uint256 today)
func RedemptionsStaleDayErrorID() common.Hash {
	return common.HexToHash("0xcbc0ae1895e7fca7ed9670d737bcfa19516ba4829b5eb440122719799e2dd9ef")
}

// UnpackStaleDayError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleDay(uint256 day, uint256 today)
func (redemptions *Redemptions) UnpackStaleDayError(raw []byte) (*RedemptionsStaleDay, error) {
	out := new(RedemptionsStaleDay)
	if err := redemptions.abi.UnpackIntoInterface(out, "StaleDay", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RedemptionsUnknownDeal represents a UnknownDeal error raised by the Redemptions contract.
type RedemptionsUnknownDeal struct {
	DealId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownDeal(bytes32 dealId)
func RedemptionsUnknownDealErrorID() common.Hash {
	return common.HexToHash("0x6a196fcbcdcdb067972df2f1c108c9216b42fae2a484a8af630d0e4942eb772f")
}

// UnpackUnknownDealError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownDeal(bytes32 dealId)
func (redemptions *Redemptions) UnpackUnknownDealError(raw []byte) (*RedemptionsUnknownDeal, error) {
	out := new(RedemptionsUnknownDeal)
	if err := redemptions.abi.UnpackIntoInterface(out, "UnknownDeal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

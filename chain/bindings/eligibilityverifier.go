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

// EligibilityVerifierMetaData contains all meta data concerning the EligibilityVerifier contract.
var EligibilityVerifierMetaData = bind.MetaData{
	ABI: "[{\"type\":\"function\",\"name\":\"compressProof\",\"inputs\":[{\"name\":\"proof\",\"type\":\"uint256[8]\",\"internalType\":\"uint256[8]\"}],\"outputs\":[{\"name\":\"compressed\",\"type\":\"uint256[4]\",\"internalType\":\"uint256[4]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifyCompressedProof\",\"inputs\":[{\"name\":\"compressedProof\",\"type\":\"uint256[4]\",\"internalType\":\"uint256[4]\"},{\"name\":\"input\",\"type\":\"uint256[3]\",\"internalType\":\"uint256[3]\"}],\"outputs\":[],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifyProof\",\"inputs\":[{\"name\":\"proof\",\"type\":\"uint256[8]\",\"internalType\":\"uint256[8]\"},{\"name\":\"input\",\"type\":\"uint256[3]\",\"internalType\":\"uint256[3]\"}],\"outputs\":[],\"stateMutability\":\"view\"},{\"type\":\"error\",\"name\":\"ProofInvalid\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"PublicInputNotInField\",\"inputs\":[]}]",
	ID:  "EligibilityVerifier",
	Bin: "0x6080604052348015600e575f5ffd5b5061135b8061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061003f575f3560e01c806344f636921461004357806365c032591461006c57806398c13db914610081575b5f5ffd5b610056610051366004611238565b610094565b604051610063919061125a565b60405180910390f35b61007f61007a36600461129a565b6100f1565b005b61007f61008f3660046112cf565b61036f565b61009c6111cc565b6100af82358360015b6020020135610689565b81526100cd6060830135604084013560a08501356080860135610776565b602083015260408201526100e760c08301358360076100a5565b6060820152919050565b5f5f6100fc83610a4f565b915091505f6040516101008682377f25d5f8de8e288e55447454c9864efa30e38514e8f54cf5319d53e3fc9a5208fe6101008201527f08672eee3cc3c3c42c05105ebd88cde7e4b96c2a09210be97cf2c217fd7b0aba6101208201527f01669457fc7f12cab4cd91ed67352213975cc6c050fa84771a4031fa27c589ba6101408201527f0987b5a32725fe5db13474557ef419758a3e6af983f25f26052feb8a1bd242886101608201527f2b6eb60422701d4c83b49dbc19158b8a3c9867bfeb822fc563781707449bf5946101808201527f1e36eb2cd680f92c5336d8eb3660f433e454b43a610c01ed52d236c9371f35a16101a08201527f2f5e64bda58ce001ea1d60647f1e9968e0375e8b9596c5d2b530bace27a75da36101c08201527f25b6f45046455a2c1d922de0f7f7b1f2795b43e498e381d2f753970dc3fa1ffd6101e08201527f259d6a30495dffbcfac98c44287cf3cfa45b12996c43ca341321b2160426d08f6102008201527f0afaf17b78afda2f45a2c73c5bcf55e0cbb2d5dc3e9c1efedc513a469973235d61022082015283610240820152826102608201527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c26102808201527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed6102a08201527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec6102c08201527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d6102e08201526020816103008360085afa90511690508061036857604051631ff3747d60e21b815260040160405180910390fd5b5050505050565b6103776111ea565b5f8061038985825b6020020135610c9b565b90925090505f8080806103a460408a013560208b0135610d39565b929650909450925090505f806103bb8b600361037f565b915091505f5f6103ca8c610a4f565b8b8d5260208d018b905260408d0189905260608d018a905260808d0187905260a08d0188905260c08d0186905260e08d018590527f25d5f8de8e288e55447454c9864efa30e38514e8f54cf5319d53e3fc9a5208fe6101008e01527f08672eee3cc3c3c42c05105ebd88cde7e4b96c2a09210be97cf2c217fd7b0aba6101208e01527f01669457fc7f12cab4cd91ed67352213975cc6c050fa84771a4031fa27c589ba6101408e01527f0987b5a32725fe5db13474557ef419758a3e6af983f25f26052feb8a1bd242886101608e01527f2b6eb60422701d4c83b49dbc19158b8a3c9867bfeb822fc563781707449bf5946101808e01527f1e36eb2cd680f92c5336d8eb3660f433e454b43a610c01ed52d236c9371f35a16101a08e01527f2f5e64bda58ce001ea1d60647f1e9968e0375e8b9596c5d2b530bace27a75da36101c08e01527f25b6f45046455a2c1d922de0f7f7b1f2795b43e498e381d2f753970dc3fa1ffd6101e08e01527f259d6a30495dffbcfac98c44287cf3cfa45b12996c43ca341321b2160426d08f6102008e01527f0afaf17b78afda2f45a2c73c5bcf55e0cbb2d5dc3e9c1efedc513a469973235d6102208e01526102408d018290526102608d018190527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c26102808e01527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed6102a08e01527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec6102c08e01527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d6102e08e015290925090505f61063e611209565b6020816103008f60085afa915081158061065a57508051600114155b1561067857604051631ff3747d60e21b815260040160405180910390fd5b505050505050505050505050505050565b5f5f51602061133b5f395f51905f52831015806106b357505f51602061133b5f395f51905f528210155b156106d157604051631ff3747d60e21b815260040160405180910390fd5b821580156106dd575081155b156106e957505f610770565b5f6107245f51602061133b5f395f51905f5260035f51602061133b5f395f51905f52875f51602061133b5f395f51905f52898a090908610f0d565b9050808303610739575050600182901b610770565b61074281610f6f565b8303610755575050600182811b17610770565b604051631ff3747d60e21b815260040160405180910390fd5b505b92915050565b5f5f5f51602061133b5f395f51905f52861015806107a157505f51602061133b5f395f51905f528510155b806107b957505f51602061133b5f395f51905f528410155b806107d157505f51602061133b5f395f51905f528310155b156107ef57604051631ff3747d60e21b815260040160405180910390fd5b828486881717175f0361080657505f905080610a46565b5f80805f51602061133b5f395f51905f5261082f60035f51602061133b5f395f51905f5261131b565b5f51602061133b5f395f51905f528a8c090990505f5f51602061133b5f395f51905f528a5f51602061133b5f395f51905f528c8d090990505f5f51602061133b5f395f51905f528a5f51602061133b5f395f51905f528c8d090990505f51602061133b5f395f51905f52805f51602061133b5f395f51905f528c860984087f2b149d40ceb8aaae81be18991be06ac3b5b4c5e559dbefa33267e6dc24a138e508945061091d5f51602061133b5f395f51905f52805f51602061133b5f395f51905f528e870984087f2fcd3ac2a640a154eb23960892a85a68f031ca0c8344b23a577dcf1052b9e77508610f6f565b93505050505f5f61096a5f51602061133b5f395f51905f528061094257610942611307565b5f51602061133b5f395f51905f528586095f51602061133b5f395f51905f5287880908610f0d565b90506109b55f51602061133b5f395f51905f527f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea45f51602061133b5f395f51905f5284880809610f87565b159150506109c4838383610fcf565b909350915086831480156109d757508186145b156109ff57806109e7575f6109ea565b60025b60ff1660028a901b175f179450879350610a42565b610a0883610f6f565b87148015610a1d5750610a1a82610f6f565b86145b156107555780610a2d575f610a30565b60025b60ff1660028a901b1760011794508793505b5050505b94509492505050565b5f5f5f60019050604051604081015f7f17dd003f3e5d0a6d0d5223052b66c54e647021fd185ba3d322fb5c2ec80006f283527f1740042c1856de96e405a49d78f6323d071855d6a7acbbc9eab3988023a2cbba60208401527f185e2997f3ae757cad29bf257e87ad6d39a47f04d30e39c297f59c14c9bd20a682527f1db0d87569aab7c04958c2ab8c044d526ff1f4bbaa5a01fe179d5d27730948266020830152863590508060408301527f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000181108416935060408260608460075afa8416935060408360808560065afa841693507f298c79cde996b75f91bf0cf2df3cbdf66010e5e68d63b85bd712d3872a00752c82527f2b17c6071e04a958a62cc56790e80c9a2652d76b75bc67c508d75b707a4a803a6020830152602087013590508060408301527f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000181108416935060408260608460075afa8416935060408360808560065afa7f05a7b003eeb3b96fe65039b77df9e33896c7e43175d32df7061f42de0fed766a83527f302654a56a15d3942041ee356fbf670809dccb0743f55f2d535f7d22e8beacc460208401526040888101358185018190527f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000011191909516169390508160608160075afa831692505060408160808360065afa81516020909201519194509092501680610c955760405163a54f8e2760e01b815260040160405180910390fd5b50915091565b5f5f825f03610cae57505f928392509050565b600183811c9250808416145f51602061133b5f395f51905f528310610ce657604051631ff3747d60e21b815260040160405180910390fd5b610d205f51602061133b5f395f51905f5260035f51602061133b5f395f51905f52865f51602061133b5f395f51905f528889090908610f0d565b91508015610c9557610d3182610f6f565b915050915091565b5f80808085158015610d49575084155b15610d5e57505f925082915081905080610f04565b600286811c945085935060018088161490808816145f51602061133b5f395f51905f5286101580610d9c57505f51602061133b5f395f51905f528510155b15610dba57604051631ff3747d60e21b815260040160405180910390fd5b5f5f51602061133b5f395f51905f52610de160035f51602061133b5f395f51905f5261131b565b5f51602061133b5f395f51905f52888a090990505f5f51602061133b5f395f51905f52885f51602061133b5f395f51905f528a8b090990505f5f51602061133b5f395f51905f52885f51602061133b5f395f51905f528a8b090990505f51602061133b5f395f51905f52805f51602061133b5f395f51905f528a860984087f2b149d40ceb8aaae81be18991be06ac3b5b4c5e559dbefa33267e6dc24a138e5089650610ecf5f51602061133b5f395f51905f52805f51602061133b5f395f51905f528c870984087f2fcd3ac2a640a154eb23960892a85a68f031ca0c8344b23a577dcf1052b9e77508610f6f565b9550610edc878786610fcf565b90975095508415610efe57610ef087610f6f565b9650610efb86610f6f565b95505b50505050505b92959194509250565b5f610f38827f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f5261110b565b9050815f51602061133b5f395f51905f5282830914610f6a57604051631ff3747d60e21b815260040160405180910390fd5b919050565b5f51602061133b5f395f51905f529081900681030690565b5f5f610fb3837f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f5261110b565b9050825f51602061133b5f395f51905f52828309149392505050565b5f8080610ffe5f51602061133b5f395f51905f52808788095f51602061133b5f395f51905f52898a0908610f0d565b905083156110125761100f81610f6f565b90505b61105b5f51602061133b5f395f51905f527f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea45f51602061133b5f395f51905f52848a0809610f0d565b92505f51602061133b5f395f51905f526110855f51602061133b5f395f51905f526002860961116e565b860991505f51602061133b5f395f51905f526110b05f51602061133b5f395f51905f52848509610f6f565b5f51602061133b5f395f51905f5285860908861415806110e457505f51602061133b5f395f51905f52808385096002098514155b1561110257604051631ff3747d60e21b815260040160405180910390fd5b50935093915050565b5f5f60405160208152602080820152602060408201528460608201528360808201525f51602061133b5f395f51905f5260a082015260208160c08360055afa9051925090508061076e57604051631ff3747d60e21b815260040160405180910390fd5b5f611199827f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd4561110b565b90505f51602061133b5f395f51905f52818309600114610f6a57604051631ff3747d60e21b815260040160405180910390fd5b60405180608001604052806004906020820280368337509192915050565b6040518061030001604052806018906020820280368337509192915050565b60405180602001604052806001906020820280368337509192915050565b806101008101831015610770575f5ffd5b5f6101008284031215611249575f5ffd5b6112538383611227565b9392505050565b6080810181835f5b6004811015611281578151835260209283019290910190600101611262565b50505092915050565b8060608101831015610770575f5ffd5b5f5f61016083850312156112ac575f5ffd5b6112b68484611227565b91506112c684610100850161128a565b90509250929050565b5f5f60e083850312156112e0575f5ffd5b60808301848111156112f0575f5ffd5b8392506112fd858261128a565b9150509250929050565b634e487b7160e01b5f52601260045260245ffd5b8181038181111561077057634e487b7160e01b5f52601160045260245ffdfe30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47",
}

// EligibilityVerifier is an auto generated Go binding around an Ethereum contract.
type EligibilityVerifier struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *EligibilityVerifier) GetABI() abi.ABI {
	return c.abi
}

// NewEligibilityVerifier creates a new instance of EligibilityVerifier.
func NewEligibilityVerifier() *EligibilityVerifier {
	parsed, err := EligibilityVerifierMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &EligibilityVerifier{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *EligibilityVerifier) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackCompressProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44f63692.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function compressProof(uint256[8] proof) view returns(uint256[4] compressed)
func (eligibilityVerifier *EligibilityVerifier) PackCompressProof(proof [8]*big.Int) []byte {
	enc, err := eligibilityVerifier.abi.Pack("compressProof", proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCompressProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44f63692.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function compressProof(uint256[8] proof) view returns(uint256[4] compressed)
func (eligibilityVerifier *EligibilityVerifier) TryPackCompressProof(proof [8]*big.Int) ([]byte, error) {
	return eligibilityVerifier.abi.Pack("compressProof", proof)
}

// UnpackCompressProof is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x44f63692.
//
// Solidity: function compressProof(uint256[8] proof) view returns(uint256[4] compressed)
func (eligibilityVerifier *EligibilityVerifier) UnpackCompressProof(data []byte) ([4]*big.Int, error) {
	out, err := eligibilityVerifier.abi.Unpack("compressProof", data)
	if err != nil {
		return *new([4]*big.Int), err
	}
	out0 := *abi.ConvertType(out[0], new([4]*big.Int)).(*[4]*big.Int)
	return out0, nil
}

// PackVerifyCompressedProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98c13db9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyCompressedProof(uint256[4] compressedProof, uint256[3] input) view returns()
func (eligibilityVerifier *EligibilityVerifier) PackVerifyCompressedProof(compressedProof [4]*big.Int, input [3]*big.Int) []byte {
	enc, err := eligibilityVerifier.abi.Pack("verifyCompressedProof", compressedProof, input)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyCompressedProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98c13db9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyCompressedProof(uint256[4] compressedProof, uint256[3] input) view returns()
func (eligibilityVerifier *EligibilityVerifier) TryPackVerifyCompressedProof(compressedProof [4]*big.Int, input [3]*big.Int) ([]byte, error) {
	return eligibilityVerifier.abi.Pack("verifyCompressedProof", compressedProof, input)
}

// PackVerifyProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65c03259.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifyProof(uint256[8] proof, uint256[3] input) view returns()
func (eligibilityVerifier *EligibilityVerifier) PackVerifyProof(proof [8]*big.Int, input [3]*big.Int) []byte {
	enc, err := eligibilityVerifier.abi.Pack("verifyProof", proof, input)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifyProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x65c03259.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifyProof(uint256[8] proof, uint256[3] input) view returns()
func (eligibilityVerifier *EligibilityVerifier) TryPackVerifyProof(proof [8]*big.Int, input [3]*big.Int) ([]byte, error) {
	return eligibilityVerifier.abi.Pack("verifyProof", proof, input)
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (eligibilityVerifier *EligibilityVerifier) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], eligibilityVerifier.abi.Errors["ProofInvalid"].ID.Bytes()[:4]) {
		return eligibilityVerifier.UnpackProofInvalidError(raw[4:])
	}
	if bytes.Equal(raw[:4], eligibilityVerifier.abi.Errors["PublicInputNotInField"].ID.Bytes()[:4]) {
		return eligibilityVerifier.UnpackPublicInputNotInFieldError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// EligibilityVerifierProofInvalid represents a ProofInvalid error raised by the EligibilityVerifier contract.
type EligibilityVerifierProofInvalid struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofInvalid()
func EligibilityVerifierProofInvalidErrorID() common.Hash {
	return common.HexToHash("0x7fcdd1f433fad06e243ebb12f415f49dc48f357e41b96f61f504279fe6bb2ac6")
}

// UnpackProofInvalidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofInvalid()
func (eligibilityVerifier *EligibilityVerifier) UnpackProofInvalidError(raw []byte) (*EligibilityVerifierProofInvalid, error) {
	out := new(EligibilityVerifierProofInvalid)
	if err := eligibilityVerifier.abi.UnpackIntoInterface(out, "ProofInvalid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EligibilityVerifierPublicInputNotInField represents a PublicInputNotInField error raised by the EligibilityVerifier contract.
type EligibilityVerifierPublicInputNotInField struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PublicInputNotInField()
func EligibilityVerifierPublicInputNotInFieldErrorID() common.Hash {
	return common.HexToHash("0xa54f8e27d960b419368d544cd7616e10e384de098966aa60b80904dd31e7ab38")
}

// UnpackPublicInputNotInFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PublicInputNotInField()
func (eligibilityVerifier *EligibilityVerifier) UnpackPublicInputNotInFieldError(raw []byte) (*EligibilityVerifierPublicInputNotInField, error) {
	out := new(EligibilityVerifierPublicInputNotInField)
	if err := eligibilityVerifier.abi.UnpackIntoInterface(out, "PublicInputNotInField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

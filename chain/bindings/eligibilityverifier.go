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
	ABI: "[{\"type\":\"function\",\"name\":\"compressProof\",\"inputs\":[{\"name\":\"proof\",\"type\":\"uint256[8]\",\"internalType\":\"uint256[8]\"}],\"outputs\":[{\"name\":\"compressed\",\"type\":\"uint256[4]\",\"internalType\":\"uint256[4]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"developmentKeys\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"verifyCompressedProof\",\"inputs\":[{\"name\":\"compressedProof\",\"type\":\"uint256[4]\",\"internalType\":\"uint256[4]\"},{\"name\":\"input\",\"type\":\"uint256[3]\",\"internalType\":\"uint256[3]\"}],\"outputs\":[],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifyProof\",\"inputs\":[{\"name\":\"proof\",\"type\":\"uint256[8]\",\"internalType\":\"uint256[8]\"},{\"name\":\"input\",\"type\":\"uint256[3]\",\"internalType\":\"uint256[3]\"}],\"outputs\":[],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vkHash\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"error\",\"name\":\"ProofInvalid\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"PublicInputNotInField\",\"inputs\":[]}]",
	ID:  "EligibilityVerifier",
	Bin: "0x6080604052348015600e575f5ffd5b506117938061001c5f395ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c806344f63692146100595780634fe840f51461008257806365c03259146100985780637cc0bd31146100ad57806398c13db9146100bc575b5f5ffd5b61006c610067366004611633565b6100cf565b6040516100799190611655565b60405180910390f35b61008a61012c565b604051908152602001610079565b6100ab6100a6366004611695565b6104ec565b005b60405160018152602001610079565b6100ab6100ca3660046116ca565b61076a565b6100d76115c7565b6100ea82358360015b6020020135610a84565b81526101086060830135604084013560a08501356080860135610b71565b6020830152604082015261012260c08301358360076100e0565b6060820152919050565b604080517f2b6eb60422701d4c83b49dbc19158b8a3c9867bfeb822fc563781707449bf59460208201527f1e36eb2cd680f92c5336d8eb3660f433e454b43a610c01ed52d236c9371f35a1818301527f25b6f45046455a2c1d922de0f7f7b1f2795b43e498e381d2f753970dc3fa1ffd60608201527f2f5e64bda58ce001ea1d60647f1e9968e0375e8b9596c5d2b530bace27a75da360808201527f0afaf17b78afda2f45a2c73c5bcf55e0cbb2d5dc3e9c1efedc513a469973235d60a08201527f259d6a30495dffbcfac98c44287cf3cfa45b12996c43ca341321b2160426d08f60c08201527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed60e08201527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c26101008083019190915282518083039091018152610120820183527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d6101408301527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec6101608301527f13149160cc239b695a19f90dfc27f9cc89a60e74d5f5fca7652b6d7f3961fa856101808301527f2c3c9de44485ec9d77e90111857743e201fa42b24bf463341ee7696939a4c88e6101a08301527f2058f78060835f23ffed60b089a62105c3e9f64e2e50365d0290de963d7c53c06101c08301527f2af4d8023c762636bc4c3097dab717729902901a52e5bd8765eda9731f1697dc6101e08301527f0c1e2e76df494759160787a16c08a12e02ee9477bee7f96c4dd873bb9fec2fe16102008301527f082e9edfc7b4cda1a2776635c589f9f20c8d9584ece174893a8d1366376e37976102208084019190915283518084039091018152610240830184527f185e2997f3ae757cad29bf257e87ad6d39a47f04d30e39c297f59c14c9bd20a66102608401527f1db0d87569aab7c04958c2ab8c044d526ff1f4bbaa5a01fe179d5d27730948266102808401527f24582e8aa73c47848208976fddb02d3efa07fe16137508f2010094d44ad056086102a08401527f0ce0384a2805fe1141b7429b3ca43bf16256576e18997872f9d35c2d949ac9126102c08401527f2aaf96f315febfe314452566ab56cec52a1ee3aaaced8d262645e99f8746b7306102e08401527f016c0a9ed77ff5c321db5ee40923b0413d6c1cfb5c138d9833e194b7f6a86368610300808501919091528451808503909101815261032084019094525f936104d19361034001611719565b60405160208183030381529060405280519060200120905090565b5f5f6104f783610e4a565b915091505f6040516101008682377f2c3c9de44485ec9d77e90111857743e201fa42b24bf463341ee7696939a4c88e6101008201527f13149160cc239b695a19f90dfc27f9cc89a60e74d5f5fca7652b6d7f3961fa856101208201527f2af4d8023c762636bc4c3097dab717729902901a52e5bd8765eda9731f1697dc6101408201527f2058f78060835f23ffed60b089a62105c3e9f64e2e50365d0290de963d7c53c06101608201527f2b6eb60422701d4c83b49dbc19158b8a3c9867bfeb822fc563781707449bf5946101808201527f1e36eb2cd680f92c5336d8eb3660f433e454b43a610c01ed52d236c9371f35a16101a08201527f2f5e64bda58ce001ea1d60647f1e9968e0375e8b9596c5d2b530bace27a75da36101c08201527f25b6f45046455a2c1d922de0f7f7b1f2795b43e498e381d2f753970dc3fa1ffd6101e08201527f259d6a30495dffbcfac98c44287cf3cfa45b12996c43ca341321b2160426d08f6102008201527f0afaf17b78afda2f45a2c73c5bcf55e0cbb2d5dc3e9c1efedc513a469973235d61022082015283610240820152826102608201527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c26102808201527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed6102a08201527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec6102c08201527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d6102e08201526020816103008360085afa90511690508061076357604051631ff3747d60e21b815260040160405180910390fd5b5050505050565b6107726115e5565b5f8061078485825b6020020135611096565b90925090505f80808061079f60408a013560208b0135611134565b929650909450925090505f806107b68b600361077a565b915091505f5f6107c58c610e4a565b8b8d5260208d018b905260408d0189905260608d018a905260808d0187905260a08d0188905260c08d0186905260e08d018590527f2c3c9de44485ec9d77e90111857743e201fa42b24bf463341ee7696939a4c88e6101008e01527f13149160cc239b695a19f90dfc27f9cc89a60e74d5f5fca7652b6d7f3961fa856101208e01527f2af4d8023c762636bc4c3097dab717729902901a52e5bd8765eda9731f1697dc6101408e01527f2058f78060835f23ffed60b089a62105c3e9f64e2e50365d0290de963d7c53c06101608e01527f2b6eb60422701d4c83b49dbc19158b8a3c9867bfeb822fc563781707449bf5946101808e01527f1e36eb2cd680f92c5336d8eb3660f433e454b43a610c01ed52d236c9371f35a16101a08e01527f2f5e64bda58ce001ea1d60647f1e9968e0375e8b9596c5d2b530bace27a75da36101c08e01527f25b6f45046455a2c1d922de0f7f7b1f2795b43e498e381d2f753970dc3fa1ffd6101e08e01527f259d6a30495dffbcfac98c44287cf3cfa45b12996c43ca341321b2160426d08f6102008e01527f0afaf17b78afda2f45a2c73c5bcf55e0cbb2d5dc3e9c1efedc513a469973235d6102208e01526102408d018290526102608d018190527f198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c26102808e01527f1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed6102a08e01527f275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec6102c08e01527f1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d6102e08e015290925090505f610a39611604565b6020816103008f60085afa9150811580610a5557508051600114155b15610a7357604051631ff3747d60e21b815260040160405180910390fd5b505050505050505050505050505050565b5f5f5160206117735f395f51905f5283101580610aae57505f5160206117735f395f51905f528210155b15610acc57604051631ff3747d60e21b815260040160405180910390fd5b82158015610ad8575081155b15610ae457505f610b6b565b5f610b1f5f5160206117735f395f51905f5260035f5160206117735f395f51905f52875f5160206117735f395f51905f52898a090908611308565b9050808303610b34575050600182901b610b6b565b610b3d8161136a565b8303610b50575050600182811b17610b6b565b604051631ff3747d60e21b815260040160405180910390fd5b505b92915050565b5f5f5f5160206117735f395f51905f5286101580610b9c57505f5160206117735f395f51905f528510155b80610bb457505f5160206117735f395f51905f528410155b80610bcc57505f5160206117735f395f51905f528310155b15610bea57604051631ff3747d60e21b815260040160405180910390fd5b828486881717175f03610c0157505f905080610e41565b5f80805f5160206117735f395f51905f52610c2a60035f5160206117735f395f51905f52611753565b5f5160206117735f395f51905f528a8c090990505f5f5160206117735f395f51905f528a5f5160206117735f395f51905f528c8d090990505f5f5160206117735f395f51905f528a5f5160206117735f395f51905f528c8d090990505f5160206117735f395f51905f52805f5160206117735f395f51905f528c860984087f2b149d40ceb8aaae81be18991be06ac3b5b4c5e559dbefa33267e6dc24a138e5089450610d185f5160206117735f395f51905f52805f5160206117735f395f51905f528e870984087f2fcd3ac2a640a154eb23960892a85a68f031ca0c8344b23a577dcf1052b9e7750861136a565b93505050505f5f610d655f5160206117735f395f51905f5280610d3d57610d3d61173f565b5f5160206117735f395f51905f528586095f5160206117735f395f51905f5287880908611308565b9050610db05f5160206117735f395f51905f527f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea45f5160206117735f395f51905f5284880809611382565b15915050610dbf8383836113ca565b90935091508683148015610dd257508186145b15610dfa5780610de2575f610de5565b60025b60ff1660028a901b175f179450879350610e3d565b610e038361136a565b87148015610e185750610e158261136a565b86145b15610b505780610e28575f610e2b565b60025b60ff1660028a901b1760011794508793505b5050505b94509492505050565b5f5f5f60019050604051604081015f7f0c1e2e76df494759160787a16c08a12e02ee9477bee7f96c4dd873bb9fec2fe183527f082e9edfc7b4cda1a2776635c589f9f20c8d9584ece174893a8d1366376e379760208401527f185e2997f3ae757cad29bf257e87ad6d39a47f04d30e39c297f59c14c9bd20a682527f1db0d87569aab7c04958c2ab8c044d526ff1f4bbaa5a01fe179d5d27730948266020830152863590508060408301527f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000181108416935060408260608460075afa8416935060408360808560065afa841693507f24582e8aa73c47848208976fddb02d3efa07fe16137508f2010094d44ad0560882527f0ce0384a2805fe1141b7429b3ca43bf16256576e18997872f9d35c2d949ac9126020830152602087013590508060408301527f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000181108416935060408260608460075afa8416935060408360808560065afa7f2aaf96f315febfe314452566ab56cec52a1ee3aaaced8d262645e99f8746b73083527f016c0a9ed77ff5c321db5ee40923b0413d6c1cfb5c138d9833e194b7f6a8636860208401526040888101358185018190527f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000011191909516169390508160608160075afa831692505060408160808360065afa815160209092015191945090925016806110905760405163a54f8e2760e01b815260040160405180910390fd5b50915091565b5f5f825f036110a957505f928392509050565b600183811c9250808416145f5160206117735f395f51905f5283106110e157604051631ff3747d60e21b815260040160405180910390fd5b61111b5f5160206117735f395f51905f5260035f5160206117735f395f51905f52865f5160206117735f395f51905f528889090908611308565b915080156110905761112c8261136a565b915050915091565b5f80808085158015611144575084155b1561115957505f9250829150819050806112ff565b600286811c945085935060018088161490808816145f5160206117735f395f51905f528610158061119757505f5160206117735f395f51905f528510155b156111b557604051631ff3747d60e21b815260040160405180910390fd5b5f5f5160206117735f395f51905f526111dc60035f5160206117735f395f51905f52611753565b5f5160206117735f395f51905f52888a090990505f5f5160206117735f395f51905f52885f5160206117735f395f51905f528a8b090990505f5f5160206117735f395f51905f52885f5160206117735f395f51905f528a8b090990505f5160206117735f395f51905f52805f5160206117735f395f51905f528a860984087f2b149d40ceb8aaae81be18991be06ac3b5b4c5e559dbefa33267e6dc24a138e50896506112ca5f5160206117735f395f51905f52805f5160206117735f395f51905f528c870984087f2fcd3ac2a640a154eb23960892a85a68f031ca0c8344b23a577dcf1052b9e7750861136a565b95506112d78787866113ca565b909750955084156112f9576112eb8761136a565b96506112f68661136a565b95505b50505050505b92959194509250565b5f611333827f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f52611506565b9050815f5160206117735f395f51905f528283091461136557604051631ff3747d60e21b815260040160405180910390fd5b919050565b5f5160206117735f395f51905f529081900681030690565b5f5f6113ae837f0c19139cb84c680a6e14116da060561765e05aa45a1c72a34f082305b61f3f52611506565b9050825f5160206117735f395f51905f52828309149392505050565b5f80806113f95f5160206117735f395f51905f52808788095f5160206117735f395f51905f52898a0908611308565b9050831561140d5761140a8161136a565b90505b6114565f5160206117735f395f51905f527f183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea45f5160206117735f395f51905f52848a0809611308565b92505f5160206117735f395f51905f526114805f5160206117735f395f51905f5260028609611569565b860991505f5160206117735f395f51905f526114ab5f5160206117735f395f51905f5284850961136a565b5f5160206117735f395f51905f5285860908861415806114df57505f5160206117735f395f51905f52808385096002098514155b156114fd57604051631ff3747d60e21b815260040160405180910390fd5b50935093915050565b5f5f60405160208152602080820152602060408201528460608201528360808201525f5160206117735f395f51905f5260a082015260208160c08360055afa90519250905080610b6957604051631ff3747d60e21b815260040160405180910390fd5b5f611594827f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd45611506565b90505f5160206117735f395f51905f5281830960011461136557604051631ff3747d60e21b815260040160405180910390fd5b60405180608001604052806004906020820280368337509192915050565b6040518061030001604052806018906020820280368337509192915050565b60405180602001604052806001906020820280368337509192915050565b806101008101831015610b6b575f5ffd5b5f6101008284031215611644575f5ffd5b61164e8383611622565b9392505050565b6080810181835f5b600481101561167c57815183526020928301929091019060010161165d565b50505092915050565b8060608101831015610b6b575f5ffd5b5f5f61016083850312156116a7575f5ffd5b6116b18484611622565b91506116c1846101008501611685565b90509250929050565b5f5f60e083850312156116db575f5ffd5b60808301848111156116eb575f5ffd5b8392506116f88582611685565b9150509250929050565b5f81518060208401855e5f93019283525090919050565b5f61173661173061172a8488611702565b86611702565b84611702565b95945050505050565b634e487b7160e01b5f52601260045260245ffd5b81810381811115610b6b57634e487b7160e01b5f52601160045260245ffdfe30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47",
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

// PackDevelopmentKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cc0bd31.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function developmentKeys() pure returns(bool)
func (eligibilityVerifier *EligibilityVerifier) PackDevelopmentKeys() []byte {
	enc, err := eligibilityVerifier.abi.Pack("developmentKeys")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDevelopmentKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cc0bd31.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function developmentKeys() pure returns(bool)
func (eligibilityVerifier *EligibilityVerifier) TryPackDevelopmentKeys() ([]byte, error) {
	return eligibilityVerifier.abi.Pack("developmentKeys")
}

// UnpackDevelopmentKeys is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7cc0bd31.
//
// Solidity: function developmentKeys() pure returns(bool)
func (eligibilityVerifier *EligibilityVerifier) UnpackDevelopmentKeys(data []byte) (bool, error) {
	out, err := eligibilityVerifier.abi.Unpack("developmentKeys", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
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

// PackVkHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fe840f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vkHash() pure returns(bytes32)
func (eligibilityVerifier *EligibilityVerifier) PackVkHash() []byte {
	enc, err := eligibilityVerifier.abi.Pack("vkHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVkHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fe840f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vkHash() pure returns(bytes32)
func (eligibilityVerifier *EligibilityVerifier) TryPackVkHash() ([]byte, error) {
	return eligibilityVerifier.abi.Pack("vkHash")
}

// UnpackVkHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4fe840f5.
//
// Solidity: function vkHash() pure returns(bytes32)
func (eligibilityVerifier *EligibilityVerifier) UnpackVkHash(data []byte) ([32]byte, error) {
	out, err := eligibilityVerifier.abi.Unpack("vkHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
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

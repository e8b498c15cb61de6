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

// IDealRegistryDeal is an auto generated low-level Go binding around an user-defined struct.
type IDealRegistryDeal struct {
	Vendor         common.Address
	Version        uint64
	ExpiresAt      uint64
	MaxRedemptions uint64
	Digest         [32]byte
	Counter        *big.Int
	Cancelled      bool
}

// IDealRegistryDealHeader is an auto generated low-level Go binding around an user-defined struct.
type IDealRegistryDealHeader struct {
	Vendor         common.Address
	Digest         [32]byte
	Version        uint64
	ExpiresAt      uint64
	MaxRedemptions uint64
	Nonce          *big.Int
	Counter        *big.Int
}

// DealRegistryMetaData contains all meta data concerning the DealRegistry contract.
var DealRegistryMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"CANCEL_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"DEAL_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"cancel\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"cancelAll\",\"inputs\":[],\"outputs\":[{\"name\":\"counter\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"counterOf\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"dealIdOf\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"pure\"},{\"type\":\"function\",\"name\":\"eip712Domain\",\"inputs\":[],\"outputs\":[{\"name\":\"fields\",\"type\":\"bytes1\",\"internalType\":\"bytes1\"},{\"name\":\"name\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"version\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"verifyingContract\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"salt\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"extensions\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"getDeal\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"d\",\"type\":\"tuple\",\"internalType\":\"structIDealRegistry.Deal\",\"components\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"maxRedemptions\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"counter\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"cancelled\",\"type\":\"bool\",\"internalType\":\"bool\"}]}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashCancel\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hashDeal\",\"inputs\":[{\"name\":\"h\",\"type\":\"tuple\",\"internalType\":\"structIDealRegistry.DealHeader\",\"components\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"maxRedemptions\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"counter\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"isActive\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"post\",\"inputs\":[{\"name\":\"h\",\"type\":\"tuple\",\"internalType\":\"structIDealRegistry.DealHeader\",\"components\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"maxRedemptions\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"counter\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"update\",\"inputs\":[{\"name\":\"h\",\"type\":\"tuple\",\"internalType\":\"structIDealRegistry.DealHeader\",\"components\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"maxRedemptions\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"counter\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"event\",\"name\":\"AllDealsCancelled\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"counter\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DealCancelled\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"vendor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DealPosted\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"vendor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"maxRedemptions\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"nonce\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"DealUpdated\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"vendor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"digest\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"maxRedemptions\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"EIP712DomainChanged\",\"inputs\":[],\"anonymous\":false},{\"type\":\"error\",\"name\":\"DealExists\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"DealExpired\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"expiresAt\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"DealIsCancelled\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"InvalidShortString\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"InvalidSignature\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"StaleCounter\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"current\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"offered\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"StringTooLong\",\"inputs\":[{\"name\":\"str\",\"type\":\"string\",\"internalType\":\"string\"}]},{\"type\":\"error\",\"name\":\"UnknownDeal\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"VersionNotHigher\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"current\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"offered\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"ZeroVendor\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ZeroVersion\",\"inputs\":[]}]",
	ID:  "DealRegistry",
	Bin: "0x610160604052348015610010575f5ffd5b50604051806040016040528060068152602001652130bd30b0b960d11b815250604051806040016040528060018152602001603160f81b8152506100598261010060201b60201c565b6101205261006681610100565b61014052815160208084019190912060e052815190820120610100524660a0526100f260e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526101a1565b5f5f829050601f81511115610133578260405163305a27a960e01b815260040161012a9190610146565b60405180910390fd5b805161013e8261017b565b179392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b8051602080830151919081101561019b575f198160200360031b1b821691505b50919050565b60805160a05160c05160e0516101005161012051610140516114946101f25f395f610eeb01525f610ebb01525f61109601525f61106e01525f610fc901525f610ff301525f61101d01526114945ff3fe608060405234801561000f575f5ffd5b50600436106100cb575f3560e01c80635c36901c116100885780637fc9047b116100635780637fc9047b1461023657806384b0196e146102495780638e69ee6614610264578063cc09c1d41461028c575f5ffd5b80635c36901c146101d957806373fca6ea146101fc5780637b8dd82914610223575f5ffd5b806318cb2b18146100cf578063302bacf3146100ea57806335cdaa9a146100ff57806338c1a1271461012657806351a6fad514610139578063564d32fc146101c6575b5f5ffd5b6100d761029f565b6040519081526020015b60405180910390f35b6100fd6100f8366004611256565b6102fa565b005b6100d77fb81c31231025a052cc28184f9d40e8feb9478f06ed394a3e993faa272feebe7481565b6100d76101343660046112b3565b610460565b61014c6101473660046112cd565b61054f565b6040516100e191905f60e08201905060018060a01b0383511682526001600160401b0360208401511660208301526001600160401b0360408401511660408301526001600160401b0360608401511660608301526080830151608083015260a083015160a083015260c0830151151560c083015292915050565b6100d76101d43660046112fa565b610630565b6101ec6101e73660046112cd565b61066c565b60405190151581526020016100e1565b6100d77fa48e4001b0559937750aaeacf1984bd1261872a90c9553b28ac45353893fd8f081565b6100d76102313660046112cd565b6106df565b6100d7610244366004611322565b61071d565b61025161096f565b6040516100e19796959493929190611387565b6100d761027236600461141d565b6001600160a01b03165f9081526003602052604090205490565b6100d761029a366004611322565b6109b1565b335f908152600360205260408120805482906102ba90611436565b918290555060405181815290915033907ff27678c4e60d0c6b020ea738292f4071054c15c2a37ab01db2d6a41abd6ed0fb9060200160405180910390a290565b5f83815260026020526040902080546001600160a01b03168061033857604051636a196fcb60e01b8152600481018690526024015b60405180910390fd5b600482015460ff168061036857506001600160a01b0381165f908152600360208190526040909120549083015414155b1561038957604051639fb9090d60e01b81526004810186905260240161032f565b336001600160a01b0382161415806103a057508215155b15610415576103ed816103b2876106df565b86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610c3d92505050565b61041557604051633615713d60e21b81526001600160a01b038216600482015260240161032f565b60048201805460ff191660011790556040516001600160a01b0382169086907f27e244a6081853035992fe71df377ea964dafe95bc046e4f81ff2d837c4cfd3b905f90a35050505050565b5f6105497fb81c31231025a052cc28184f9d40e8feb9478f06ed394a3e993faa272feebe74610492602085018561141d565b60208501356104a7606087016040880161145a565b6104b7608088016060890161145a565b6104c760a0890160808a0161145a565b8860a001358960c0013560405160200161052e9897969594939291909788526001600160a01b0396909616602088015260408701949094526001600160401b03928316606087015290821660808601521660a084015260c083015260e08201526101000190565b60405160208183030381529060405280519060200120610cae565b92915050565b6040805160e0810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810191909152505f81815260026020818152604092839020835160e08101855281546001600160a01b0381168083526001600160401b03600160a01b909204821694830194909452600183015480821696830196909652600160401b9095049094166060850152918201546080840152600382015460a084015260049091015460ff16151560c083015261062b57604051636a196fcb60e01b81526004810183905260240161032f565b919050565b604080516001600160a01b03841660208201529081018290525f9060600160405160208183030381529060405280519060200120905092915050565b5f81815260026020526040812080546001600160a01b0316158015906106975750600481015460ff16155b80156106c0575080546001600160a01b03165f9081526003602081905260409091205490820154145b80156106d8575060018101546001600160401b031642105b9392505050565b604080517fa48e4001b0559937750aaeacf1984bd1261872a90c9553b28ac45353893fd8f060208201529081018290525f906105499060600161052e565b5f61073861072e602086018661141d565b8560a00135610630565b5f818152600260205260409020549091506001600160a01b0316156107735760405163b3e2817b60e01b81526004810182905260240161032f565b61077f81858585610cda565b6040805160e0810190915280610798602087018761141d565b6001600160a01b031681526020016107b6606087016040880161145a565b6001600160401b031681526020016107d4608087016060880161145a565b6001600160401b031681526020016107f260a087016080880161145a565b6001600160401b039081168252602087810180358285015260c0808a01356040808701919091525f606096870181905288815260028086529082902088518154968a01518816600160a01b026001600160e01b03199097166001600160a01b039091161795909517855590870151600185018054978901518716600160401b026fffffffffffffffffffffffffffffffff1990981691909616179590951790935560808501519382019390935560a084015160038201559201516004909201805492151560ff19909316929092179091556108cd908561141d565b6001600160a01b0316817fda9a41f62c263b069e55f9757b04702d09af2d0782185db517e347c9039d5a7b602087013561090d6060890160408a0161145a565b61091d60808a0160608b0161145a565b61092d60a08b0160808c0161145a565b604080519485526001600160401b0393841660208601529183169184019190915216606082015260a08089013560808301520160405180910390a39392505050565b5f6060805f5f5f6060610980610eb4565b610988610ee4565b604080515f80825260208201909252600f60f81b9b939a50919850469750309650945092509050565b5f6109c261072e602086018661141d565b5f8181526002602052604090208054919250906001600160a01b03166109fe57604051636a196fcb60e01b81526004810183905260240161032f565b600481015460ff1680610a2f575080546001600160a01b03165f908152600360208190526040909120549082015414155b15610a5057604051639fb9090d60e01b81526004810183905260240161032f565b8054600160a01b90046001600160401b0316610a72606087016040880161145a565b6001600160401b031611610ad75780548290600160a01b90046001600160401b0316610aa4606088016040890161145a565b60405163a1240b4360e01b815260048101939093526001600160401b03918216602484015216604482015260640161032f565b610ae382868686610cda565b610af3606086016040870161145a565b81546001600160401b0391909116600160a01b0267ffffffffffffffff60a01b19909116178155610b2a608086016060870161145a565b60018201805467ffffffffffffffff19166001600160401b0392909216919091179055610b5d60a086016080870161145a565b6001820180546001600160401b0392909216600160401b026fffffffffffffffff0000000000000000199092169190911790556020850180356002830155610ba5908661141d565b6001600160a01b0316827f9150825f9d489d8de66a1ef11ae1f0a033cb31cd4b833cec2a93fe843e01af996020880135610be560608a0160408b0161145a565b610bf560808b0160608c0161145a565b610c0560a08c0160808d0161145a565b604080519485526001600160401b039384166020860152918316848301529091166060830152519081900360800190a3509392505050565b5f836001600160a01b03163b5f03610c9b575f5f610c5b8585610f0f565b5090925090505f816003811115610c7457610c74611480565b148015610c925750856001600160a01b0316826001600160a01b0316145b925050506106d8565b610ca6848484610f58565b949350505050565b5f610549610cba610fbd565b8360405161190160f01b8152600281019290925260228201526042902090565b5f610ce8602085018561141d565b6001600160a01b031603610d0f57604051632df4a42560e11b815260040160405180910390fd5b610d1f606084016040850161145a565b6001600160401b03165f03610d4757604051635498399960e11b815260040160405180910390fd5b42610d58608085016060860161145a565b6001600160401b031611610da25783610d77608085016060860161145a565b60405163620dbc3560e11b815260048101929092526001600160401b0316602482015260440161032f565b5f600381610db3602087018761141d565b6001600160a01b03166001600160a01b031681526020019081526020015f20549050808460c0013514610e2357610ded602085018561141d565b6040516308f9193360e21b81526001600160a01b0390911660048201526024810182905260c0850135604482015260640161032f565b610e77610e33602086018661141d565b610e3c86610460565b85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610c3d92505050565b610ead57610e88602085018561141d565b604051633615713d60e21b81526001600160a01b03909116600482015260240161032f565b5050505050565b6060610edf7f00000000000000000000000000000000000000000000000000000000000000006110e6565b905090565b6060610edf7f00000000000000000000000000000000000000000000000000000000000000006110e6565b5f5f5f8351604103610f46576020840151604085015160608601515f1a610f3888828585611123565b955095509550505050610f51565b505081515f91506002905b9250925092565b805160408051630b135d3f60e11b8082526004820186905260248201929092525f92906020820185604483015e5f82606483010152601f820160051c60051b915060205f60648401838a5afa9050825f5114601f3d1116811693505050509392505050565b5f306001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001614801561101557507f000000000000000000000000000000000000000000000000000000000000000046145b1561103f57507f000000000000000000000000000000000000000000000000000000000000000090565b610edf604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60605f6110f2836111eb565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561115c57505f915060039050826111e1565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156111ad573d5f5f3e3d5ffd5b5050604051601f1901519150506001600160a01b0381166111d857505f9250600191508290506111e1565b92505f91508190505b9450945094915050565b5f60ff8216601f81111561054957604051632cd44ac360e21b815260040160405180910390fd5b5f5f83601f840112611222575f5ffd5b5081356001600160401b03811115611238575f5ffd5b60208301915083602082850101111561124f575f5ffd5b9250929050565b5f5f5f60408486031215611268575f5ffd5b8335925060208401356001600160401b03811115611284575f5ffd5b61129086828701611212565b9497909650939450505050565b5f60e082840312156112ad575f5ffd5b50919050565b5f60e082840312156112c3575f5ffd5b6106d8838361129d565b5f602082840312156112dd575f5ffd5b5035919050565b80356001600160a01b038116811461062b575f5ffd5b5f5f6040838503121561130b575f5ffd5b611314836112e4565b946020939093013593505050565b5f5f5f6101008486031215611335575f5ffd5b61133f858561129d565b925060e08401356001600160401b03811115611284575f5ffd5b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b60ff60f81b8816815260e060208201525f6113a560e0830189611359565b82810360408401526113b78189611359565b606084018890526001600160a01b038716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b8181101561140c5783518352602093840193909201916001016113ee565b50909b9a5050505050505050505050565b5f6020828403121561142d575f5ffd5b6106d8826112e4565b5f6001820161145357634e487b7160e01b5f52601160045260245ffd5b5060010190565b5f6020828403121561146a575f5ffd5b81356001600160401b03811681146106d8575f5ffd5b634e487b7160e01b5f52602160045260245ffd",
}

// DealRegistry is an auto generated Go binding around an Ethereum contract.
type DealRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *DealRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewDealRegistry creates a new instance of DealRegistry.
func NewDealRegistry() *DealRegistry {
	parsed, err := DealRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &DealRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *DealRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackCANCELTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x73fca6ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function CANCEL_TYPEHASH() view returns(bytes32)
func (dealRegistry *DealRegistry) PackCANCELTYPEHASH() []byte {
	enc, err := dealRegistry.abi.Pack("CANCEL_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCANCELTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x73fca6ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function CANCEL_TYPEHASH() view returns(bytes32)
func (dealRegistry *DealRegistry) TryPackCANCELTYPEHASH() ([]byte, error) {
	return dealRegistry.abi.Pack("CANCEL_TYPEHASH")
}

// UnpackCANCELTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x73fca6ea.
//
// Solidity: function CANCEL_TYPEHASH() view returns(bytes32)
func (dealRegistry *DealRegistry) UnpackCANCELTYPEHASH(data []byte) ([32]byte, error) {
	out, err := dealRegistry.abi.Unpack("CANCEL_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDEALTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35cdaa9a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function DEAL_TYPEHASH() view returns(bytes32)
func (dealRegistry *DealRegistry) PackDEALTYPEHASH() []byte {
	enc, err := dealRegistry.abi.Pack("DEAL_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDEALTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x35cdaa9a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function DEAL_TYPEHASH() view returns(bytes32)
func (dealRegistry *DealRegistry) TryPackDEALTYPEHASH() ([]byte, error) {
	return dealRegistry.abi.Pack("DEAL_TYPEHASH")
}

// UnpackDEALTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x35cdaa9a.
//
// Solidity: function DEAL_TYPEHASH() view returns(bytes32)
func (dealRegistry *DealRegistry) UnpackDEALTYPEHASH(data []byte) ([32]byte, error) {
	out, err := dealRegistry.abi.Unpack("DEAL_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x302bacf3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancel(bytes32 dealId, bytes signature) returns()
func (dealRegistry *DealRegistry) PackCancel(dealId [32]byte, signature []byte) []byte {
	enc, err := dealRegistry.abi.Pack("cancel", dealId, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x302bacf3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancel(bytes32 dealId, bytes signature) returns()
func (dealRegistry *DealRegistry) TryPackCancel(dealId [32]byte, signature []byte) ([]byte, error) {
	return dealRegistry.abi.Pack("cancel", dealId, signature)
}

// PackCancelAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18cb2b18.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelAll() returns(uint256 counter)
func (dealRegistry *DealRegistry) PackCancelAll() []byte {
	enc, err := dealRegistry.abi.Pack("cancelAll")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18cb2b18.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelAll() returns(uint256 counter)
func (dealRegistry *DealRegistry) TryPackCancelAll() ([]byte, error) {
	return dealRegistry.abi.Pack("cancelAll")
}

// UnpackCancelAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18cb2b18.
//
// Solidity: function cancelAll() returns(uint256 counter)
func (dealRegistry *DealRegistry) UnpackCancelAll(data []byte) (*big.Int, error) {
	out, err := dealRegistry.abi.Unpack("cancelAll", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackCounterOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e69ee66.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function counterOf(address vendor) view returns(uint256)
func (dealRegistry *DealRegistry) PackCounterOf(vendor common.Address) []byte {
	enc, err := dealRegistry.abi.Pack("counterOf", vendor)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCounterOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8e69ee66.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function counterOf(address vendor) view returns(uint256)
func (dealRegistry *DealRegistry) TryPackCounterOf(vendor common.Address) ([]byte, error) {
	return dealRegistry.abi.Pack("counterOf", vendor)
}

// UnpackCounterOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8e69ee66.
//
// Solidity: function counterOf(address vendor) view returns(uint256)
func (dealRegistry *DealRegistry) UnpackCounterOf(data []byte) (*big.Int, error) {
	out, err := dealRegistry.abi.Unpack("counterOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDealIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x564d32fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function dealIdOf(address vendor, uint256 nonce) pure returns(bytes32)
func (dealRegistry *DealRegistry) PackDealIdOf(vendor common.Address, nonce *big.Int) []byte {
	enc, err := dealRegistry.abi.Pack("dealIdOf", vendor, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDealIdOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x564d32fc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function dealIdOf(address vendor, uint256 nonce) pure returns(bytes32)
func (dealRegistry *DealRegistry) TryPackDealIdOf(vendor common.Address, nonce *big.Int) ([]byte, error) {
	return dealRegistry.abi.Pack("dealIdOf", vendor, nonce)
}

// UnpackDealIdOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x564d32fc.
//
// Solidity: function dealIdOf(address vendor, uint256 nonce) pure returns(bytes32)
func (dealRegistry *DealRegistry) UnpackDealIdOf(data []byte) ([32]byte, error) {
	out, err := dealRegistry.abi.Unpack("dealIdOf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (dealRegistry *DealRegistry) PackEip712Domain() []byte {
	enc, err := dealRegistry.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (dealRegistry *DealRegistry) TryPackEip712Domain() ([]byte, error) {
	return dealRegistry.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (dealRegistry *DealRegistry) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := dealRegistry.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackGetDeal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51a6fad5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getDeal(bytes32 dealId) view returns((address,uint64,uint64,uint64,bytes32,uint256,bool) d)
func (dealRegistry *DealRegistry) PackGetDeal(dealId [32]byte) []byte {
	enc, err := dealRegistry.abi.Pack("getDeal", dealId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetDeal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51a6fad5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getDeal(bytes32 dealId) view returns((address,uint64,uint64,uint64,bytes32,uint256,bool) d)
func (dealRegistry *DealRegistry) TryPackGetDeal(dealId [32]byte) ([]byte, error) {
	return dealRegistry.abi.Pack("getDeal", dealId)
}

// UnpackGetDeal is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x51a6fad5.
//
// Solidity: function getDeal(bytes32 dealId) view returns((address,uint64,uint64,uint64,bytes32,uint256,bool) d)
func (dealRegistry *DealRegistry) UnpackGetDeal(data []byte) (IDealRegistryDeal, error) {
	out, err := dealRegistry.abi.Unpack("getDeal", data)
	if err != nil {
		return *new(IDealRegistryDeal), err
	}
	out0 := *abi.ConvertType(out[0], new(IDealRegistryDeal)).(*IDealRegistryDeal)
	return out0, nil
}

// PackHashCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b8dd829.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashCancel(bytes32 dealId) view returns(bytes32)
func (dealRegistry *DealRegistry) PackHashCancel(dealId [32]byte) []byte {
	enc, err := dealRegistry.abi.Pack("hashCancel", dealId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b8dd829.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashCancel(bytes32 dealId) view returns(bytes32)
func (dealRegistry *DealRegistry) TryPackHashCancel(dealId [32]byte) ([]byte, error) {
	return dealRegistry.abi.Pack("hashCancel", dealId)
}

// UnpackHashCancel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b8dd829.
//
// Solidity: function hashCancel(bytes32 dealId) view returns(bytes32)
func (dealRegistry *DealRegistry) UnpackHashCancel(data []byte) ([32]byte, error) {
	out, err := dealRegistry.abi.Unpack("hashCancel", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackHashDeal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x38c1a127.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hashDeal((address,bytes32,uint64,uint64,uint64,uint256,uint256) h) view returns(bytes32)
func (dealRegistry *DealRegistry) PackHashDeal(h IDealRegistryDealHeader) []byte {
	enc, err := dealRegistry.abi.Pack("hashDeal", h)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHashDeal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x38c1a127.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hashDeal((address,bytes32,uint64,uint64,uint64,uint256,uint256) h) view returns(bytes32)
func (dealRegistry *DealRegistry) TryPackHashDeal(h IDealRegistryDealHeader) ([]byte, error) {
	return dealRegistry.abi.Pack("hashDeal", h)
}

// UnpackHashDeal is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x38c1a127.
//
// Solidity: function hashDeal((address,bytes32,uint64,uint64,uint64,uint256,uint256) h) view returns(bytes32)
func (dealRegistry *DealRegistry) UnpackHashDeal(data []byte) ([32]byte, error) {
	out, err := dealRegistry.abi.Unpack("hashDeal", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackIsActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c36901c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isActive(bytes32 dealId) view returns(bool)
func (dealRegistry *DealRegistry) PackIsActive(dealId [32]byte) []byte {
	enc, err := dealRegistry.abi.Pack("isActive", dealId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsActive is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c36901c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isActive(bytes32 dealId) view returns(bool)
func (dealRegistry *DealRegistry) TryPackIsActive(dealId [32]byte) ([]byte, error) {
	return dealRegistry.abi.Pack("isActive", dealId)
}

// UnpackIsActive is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c36901c.
//
// Solidity: function isActive(bytes32 dealId) view returns(bool)
func (dealRegistry *DealRegistry) UnpackIsActive(data []byte) (bool, error) {
	out, err := dealRegistry.abi.Unpack("isActive", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7fc9047b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function post((address,bytes32,uint64,uint64,uint64,uint256,uint256) h, bytes signature) returns(bytes32 dealId)
func (dealRegistry *DealRegistry) PackPost(h IDealRegistryDealHeader, signature []byte) []byte {
	enc, err := dealRegistry.abi.Pack("post", h, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7fc9047b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function post((address,bytes32,uint64,uint64,uint64,uint256,uint256) h, bytes signature) returns(bytes32 dealId)
func (dealRegistry *DealRegistry) TryPackPost(h IDealRegistryDealHeader, signature []byte) ([]byte, error) {
	return dealRegistry.abi.Pack("post", h, signature)
}

// UnpackPost is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7fc9047b.
//
// Solidity: function post((address,bytes32,uint64,uint64,uint64,uint256,uint256) h, bytes signature) returns(bytes32 dealId)
func (dealRegistry *DealRegistry) UnpackPost(data []byte) ([32]byte, error) {
	out, err := dealRegistry.abi.Unpack("post", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackUpdate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc09c1d4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function update((address,bytes32,uint64,uint64,uint64,uint256,uint256) h, bytes signature) returns(bytes32 dealId)
func (dealRegistry *DealRegistry) PackUpdate(h IDealRegistryDealHeader, signature []byte) []byte {
	enc, err := dealRegistry.abi.Pack("update", h, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdate is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc09c1d4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function update((address,bytes32,uint64,uint64,uint64,uint256,uint256) h, bytes signature) returns(bytes32 dealId)
func (dealRegistry *DealRegistry) TryPackUpdate(h IDealRegistryDealHeader, signature []byte) ([]byte, error) {
	return dealRegistry.abi.Pack("update", h, signature)
}

// UnpackUpdate is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcc09c1d4.
//
// Solidity: function update((address,bytes32,uint64,uint64,uint64,uint256,uint256) h, bytes signature) returns(bytes32 dealId)
func (dealRegistry *DealRegistry) UnpackUpdate(data []byte) ([32]byte, error) {
	out, err := dealRegistry.abi.Unpack("update", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// DealRegistryAllDealsCancelled represents a AllDealsCancelled event raised by the DealRegistry contract.
type DealRegistryAllDealsCancelled struct {
	Vendor  common.Address
	Counter *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const DealRegistryAllDealsCancelledEventName = "AllDealsCancelled"

// ContractEventName returns the user-defined event name.
func (DealRegistryAllDealsCancelled) ContractEventName() string {
	return DealRegistryAllDealsCancelledEventName
}

// UnpackAllDealsCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AllDealsCancelled(address indexed vendor, uint256 counter)
func (dealRegistry *DealRegistry) UnpackAllDealsCancelledEvent(log *types.Log) (*DealRegistryAllDealsCancelled, error) {
	event := "AllDealsCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dealRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DealRegistryAllDealsCancelled)
	if len(log.Data) > 0 {
		if err := dealRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dealRegistry.abi.Events[event].Inputs {
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

// DealRegistryDealCancelled represents a DealCancelled event raised by the DealRegistry contract.
type DealRegistryDealCancelled struct {
	DealId [32]byte
	Vendor common.Address
	Raw    *types.Log // Blockchain specific contextual infos
}

const DealRegistryDealCancelledEventName = "DealCancelled"

// ContractEventName returns the user-defined event name.
func (DealRegistryDealCancelled) ContractEventName() string {
	return DealRegistryDealCancelledEventName
}

// UnpackDealCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DealCancelled(bytes32 indexed dealId, address indexed vendor)
func (dealRegistry *DealRegistry) UnpackDealCancelledEvent(log *types.Log) (*DealRegistryDealCancelled, error) {
	event := "DealCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dealRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DealRegistryDealCancelled)
	if len(log.Data) > 0 {
		if err := dealRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dealRegistry.abi.Events[event].Inputs {
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

// DealRegistryDealPosted represents a DealPosted event raised by the DealRegistry contract.
type DealRegistryDealPosted struct {
	DealId         [32]byte
	Vendor         common.Address
	Digest         [32]byte
	Version        uint64
	ExpiresAt      uint64
	MaxRedemptions uint64
	Nonce          *big.Int
	Raw            *types.Log // Blockchain specific contextual infos
}

const DealRegistryDealPostedEventName = "DealPosted"

// ContractEventName returns the user-defined event name.
func (DealRegistryDealPosted) ContractEventName() string {
	return DealRegistryDealPostedEventName
}

// UnpackDealPostedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DealPosted(bytes32 indexed dealId, address indexed vendor, bytes32 digest, uint64 version, uint64 expiresAt, uint64 maxRedemptions, uint256 nonce)
func (dealRegistry *DealRegistry) UnpackDealPostedEvent(log *types.Log) (*DealRegistryDealPosted, error) {
	event := "DealPosted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dealRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DealRegistryDealPosted)
	if len(log.Data) > 0 {
		if err := dealRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dealRegistry.abi.Events[event].Inputs {
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

// DealRegistryDealUpdated represents a DealUpdated event raised by the DealRegistry contract.
type DealRegistryDealUpdated struct {
	DealId         [32]byte
	Vendor         common.Address
	Digest         [32]byte
	Version        uint64
	ExpiresAt      uint64
	MaxRedemptions uint64
	Raw            *types.Log // Blockchain specific contextual infos
}

const DealRegistryDealUpdatedEventName = "DealUpdated"

// ContractEventName returns the user-defined event name.
func (DealRegistryDealUpdated) ContractEventName() string {
	return DealRegistryDealUpdatedEventName
}

// UnpackDealUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DealUpdated(bytes32 indexed dealId, address indexed vendor, bytes32 digest, uint64 version, uint64 expiresAt, uint64 maxRedemptions)
func (dealRegistry *DealRegistry) UnpackDealUpdatedEvent(log *types.Log) (*DealRegistryDealUpdated, error) {
	event := "DealUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dealRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DealRegistryDealUpdated)
	if len(log.Data) > 0 {
		if err := dealRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dealRegistry.abi.Events[event].Inputs {
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

// DealRegistryEIP712DomainChanged represents a EIP712DomainChanged event raised by the DealRegistry contract.
type DealRegistryEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const DealRegistryEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (DealRegistryEIP712DomainChanged) ContractEventName() string {
	return DealRegistryEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (dealRegistry *DealRegistry) UnpackEIP712DomainChangedEvent(log *types.Log) (*DealRegistryEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != dealRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DealRegistryEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := dealRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range dealRegistry.abi.Events[event].Inputs {
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
func (dealRegistry *DealRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["DealExists"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackDealExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["DealExpired"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackDealExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["DealIsCancelled"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackDealIsCancelledError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["StaleCounter"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackStaleCounterError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["UnknownDeal"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackUnknownDealError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["VersionNotHigher"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackVersionNotHigherError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["ZeroVendor"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackZeroVendorError(raw[4:])
	}
	if bytes.Equal(raw[:4], dealRegistry.abi.Errors["ZeroVersion"].ID.Bytes()[:4]) {
		return dealRegistry.UnpackZeroVersionError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DealRegistryDealExists represents a DealExists error raised by the DealRegistry contract.
type DealRegistryDealExists struct {
	DealId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DealExists(bytes32 dealId)
func DealRegistryDealExistsErrorID() common.Hash {
	return common.HexToHash("0xb3e2817b959853b0c0e422419836f9dcbdcac91a2744580c66e7c31a5ce43308")
}

// UnpackDealExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DealExists(bytes32 dealId)
func (dealRegistry *DealRegistry) UnpackDealExistsError(raw []byte) (*DealRegistryDealExists, error) {
	out := new(DealRegistryDealExists)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "DealExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryDealExpired represents a DealExpired error raised by the DealRegistry contract.
type DealRegistryDealExpired struct {
	DealId    [32]byte
	ExpiresAt uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DealExpired(bytes32 dealId, uint64 expiresAt)
func DealRegistryDealExpiredErrorID() common.Hash {
	return common.HexToHash("0xc41b786a9666dc5a037483e76c358e5aea76f47fbd5b7719bfdce75c1e859edb")
}

// UnpackDealExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DealExpired(bytes32 dealId, uint64 expiresAt)
func (dealRegistry *DealRegistry) UnpackDealExpiredError(raw []byte) (*DealRegistryDealExpired, error) {
	out := new(DealRegistryDealExpired)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "DealExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryDealIsCancelled represents a DealIsCancelled error raised by the DealRegistry contract.
type DealRegistryDealIsCancelled struct {
	DealId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DealIsCancelled(bytes32 dealId)
func DealRegistryDealIsCancelledErrorID() common.Hash {
	return common.HexToHash("0x9fb9090d2663e15c4b793ed350eaf8a282077b4ba711038fc59a67e504c1df83")
}

// UnpackDealIsCancelledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DealIsCancelled(bytes32 dealId)
func (dealRegistry *DealRegistry) UnpackDealIsCancelledError(raw []byte) (*DealRegistryDealIsCancelled, error) {
	out := new(DealRegistryDealIsCancelled)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "DealIsCancelled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryInvalidShortString represents a InvalidShortString error raised by the DealRegistry contract.
type DealRegistryInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func DealRegistryInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (dealRegistry *DealRegistry) UnpackInvalidShortStringError(raw []byte) (*DealRegistryInvalidShortString, error) {
	out := new(DealRegistryInvalidShortString)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryInvalidSignature represents a InvalidSignature error raised by the DealRegistry contract.
type DealRegistryInvalidSignature struct {
	Vendor common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature(address vendor)
func DealRegistryInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xd855c4f4d7a9aef9d1b6f49c25339cf5cd471e30830c8071f7b5024985e5abcd")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature(address vendor)
func (dealRegistry *DealRegistry) UnpackInvalidSignatureError(raw []byte) (*DealRegistryInvalidSignature, error) {
	out := new(DealRegistryInvalidSignature)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryStaleCounter represents a StaleCounter error raised by the DealRegistry contract.
type DealRegistryStaleCounter struct {
	Vendor  common.Address
	Current *big.Int
	Offered *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleCounter(address vendor, uint256 current, uint256 offered)
func DealRegistryStaleCounterErrorID() common.Hash {
	return common.HexToHash("0x23e464cc54028cd63bd7562093eb252c4bdb35c81206da5d480cc9e1767716f6")
}

// UnpackStaleCounterError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleCounter(address vendor, uint256 current, uint256 offered)
func (dealRegistry *DealRegistry) UnpackStaleCounterError(raw []byte) (*DealRegistryStaleCounter, error) {
	out := new(DealRegistryStaleCounter)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "StaleCounter", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryStringTooLong represents a StringTooLong error raised by the DealRegistry contract.
type DealRegistryStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func DealRegistryStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (dealRegistry *DealRegistry) UnpackStringTooLongError(raw []byte) (*DealRegistryStringTooLong, error) {
	out := new(DealRegistryStringTooLong)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryUnknownDeal represents a UnknownDeal error raised by the DealRegistry contract.
type DealRegistryUnknownDeal struct {
	DealId [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownDeal(bytes32 dealId)
func DealRegistryUnknownDealErrorID() common.Hash {
	return common.HexToHash("0x6a196fcbcdcdb067972df2f1c108c9216b42fae2a484a8af630d0e4942eb772f")
}

// UnpackUnknownDealError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownDeal(bytes32 dealId)
func (dealRegistry *DealRegistry) UnpackUnknownDealError(raw []byte) (*DealRegistryUnknownDeal, error) {
	out := new(DealRegistryUnknownDeal)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "UnknownDeal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryVersionNotHigher represents a VersionNotHigher error raised by the DealRegistry contract.
type DealRegistryVersionNotHigher struct {
	DealId  [32]byte
	Current uint64
	Offered uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VersionNotHigher(bytes32 dealId, uint64 current, uint64 offered)
func DealRegistryVersionNotHigherErrorID() common.Hash {
	return common.HexToHash("0xa1240b43279fb9cc17e39960677bd7692e71a8f532cbc6ad34a7787f76a0e706")
}

// UnpackVersionNotHigherError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VersionNotHigher(bytes32 dealId, uint64 current, uint64 offered)
func (dealRegistry *DealRegistry) UnpackVersionNotHigherError(raw []byte) (*DealRegistryVersionNotHigher, error) {
	out := new(DealRegistryVersionNotHigher)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "VersionNotHigher", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryZeroVendor represents a ZeroVendor error raised by the DealRegistry contract.
type DealRegistryZeroVendor struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroVendor()
func DealRegistryZeroVendorErrorID() common.Hash {
	return common.HexToHash("0x5be9484adf0f12c31cdd3088d4768ac89f68b956155381f06219d18b932a702e")
}

// UnpackZeroVendorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroVendor()
func (dealRegistry *DealRegistry) UnpackZeroVendorError(raw []byte) (*DealRegistryZeroVendor, error) {
	out := new(DealRegistryZeroVendor)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "ZeroVendor", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DealRegistryZeroVersion represents a ZeroVersion error raised by the DealRegistry contract.
type DealRegistryZeroVersion struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroVersion()
func DealRegistryZeroVersionErrorID() common.Hash {
	return common.HexToHash("0xa9307332ce5e193eaf860ed187ca3d051643f9992100330823c1e5b0d3535160")
}

// UnpackZeroVersionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroVersion()
func (dealRegistry *DealRegistry) UnpackZeroVersionError(raw []byte) (*DealRegistryZeroVersion, error) {
	out := new(DealRegistryZeroVersion)
	if err := dealRegistry.abi.UnpackIntoInterface(out, "ZeroVersion", raw); err != nil {
		return nil, err
	}
	return out, nil
}

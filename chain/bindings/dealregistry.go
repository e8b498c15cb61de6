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
	Bin: "0x610160604052348015610010575f5ffd5b50604051806040016040528060068152602001652130bd30b0b960d11b815250604051806040016040528060018152602001603160f81b8152506100598261010060201b60201c565b6101205261006681610100565b61014052815160208084019190912060e052815190820120610100524660a0526100f260e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526101a1565b5f5f829050601f81511115610133578260405163305a27a960e01b815260040161012a9190610146565b60405180910390fd5b805161013e8261017b565b179392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b8051602080830151919081101561019b575f198160200360031b1b821691505b50919050565b60805160a05160c05160e0516101005161012051610140516119e16101f25f395f61132501525f6112f501525f6114f601525f6114ce01525f61142901525f61145301525f61147d01526119e15ff3fe608060405234801561000f575f5ffd5b50600436106100da575f3560e01c80635c36901c116100885780637fc9047b116100635780637fc9047b1461029a57806384b0196e146102ad5780638e69ee66146102c8578063cc09c1d4146102fd575f5ffd5b80635c36901c1461023d57806373fca6ea146102605780637b8dd82914610287575f5ffd5b806338c1a127116100b857806338c1a1271461013557806351a6fad514610148578063564d32fc146101e6575f5ffd5b806318cb2b18146100de578063302bacf3146100f957806335cdaa9a1461010e575b5f5ffd5b6100e6610310565b6040519081526020015b60405180910390f35b61010c6101073660046116fb565b61036b565b005b6100e67fb81c31231025a052cc28184f9d40e8feb9478f06ed394a3e993faa272feebe7481565b6100e6610143366004611759565b61057b565b61015b610156366004611773565b610678565b6040516100f091905f60e08201905073ffffffffffffffffffffffffffffffffffffffff835116825267ffffffffffffffff602084015116602083015267ffffffffffffffff604084015116604083015267ffffffffffffffff60608401511660608301526080830151608083015260a083015160a083015260c0830151151560c083015292915050565b6100e66101f43660046117ad565b6040805173ffffffffffffffffffffffffffffffffffffffff841660208201529081018290525f9060600160405160208183030381529060405280519060200120905092915050565b61025061024b366004611773565b610796565b60405190151581526020016100f0565b6100e67fa48e4001b0559937750aaeacf1984bd1261872a90c9553b28ac45353893fd8f081565b6100e6610295366004611773565b610824565b6100e66102a83660046117d5565b610862565b6102b5610b9e565b6040516100f09796959493929190611859565b6100e66102d6366004611918565b73ffffffffffffffffffffffffffffffffffffffff165f9081526003602052604090205490565b6100e661030b3660046117d5565b610bfc565b335f9081526003602052604081208054829061032b90611931565b918290555060405181815290915033907ff27678c4e60d0c6b020ea738292f4071054c15c2a37ab01db2d6a41abd6ed0fb9060200160405180910390a290565b5f838152600260205260409020805473ffffffffffffffffffffffffffffffffffffffff16806103cf576040517f6a196fcb000000000000000000000000000000000000000000000000000000008152600481018690526024015b60405180910390fd5b600482015460ff168061040c575073ffffffffffffffffffffffffffffffffffffffff81165f908152600360208190526040909120549083015414155b15610446576040517f9fb9090d000000000000000000000000000000000000000000000000000000008152600481018690526024016103c6565b3373ffffffffffffffffffffffffffffffffffffffff821614158061046a57508215155b15610505576104b78161047c87610824565b86868080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610f7492505050565b610505576040517fd855c4f400000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff821660048201526024016103c6565b6004820180547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0016600117905560405173ffffffffffffffffffffffffffffffffffffffff82169086907f27e244a6081853035992fe71df377ea964dafe95bc046e4f81ff2d837c4cfd3b905f90a35050505050565b5f6106727fb81c31231025a052cc28184f9d40e8feb9478f06ed394a3e993faa272feebe746105ad6020850185611918565b60208501356105c2606087016040880161198d565b6105d2608088016060890161198d565b6105e260a0890160808a0161198d565b8860a001358960c0013560405160200161065798979695949392919097885273ffffffffffffffffffffffffffffffffffffffff969096166020880152604087019490945267ffffffffffffffff928316606087015290821660808601521660a084015260c083015260e08201526101000190565b6040516020818303038152906040528051906020012061100c565b92915050565b6040805160e0810182525f80825260208201819052918101829052606081018290526080810182905260a0810182905260c0810191909152505f81815260026020818152604092839020835160e081018552815473ffffffffffffffffffffffffffffffffffffffff811680835267ffffffffffffffff74010000000000000000000000000000000000000000909204821694830194909452600183015480821696830196909652680100000000000000009095049094166060850152918201546080840152600382015460a084015260049091015460ff16151560c0830152610791576040517f6a196fcb000000000000000000000000000000000000000000000000000000008152600481018390526024016103c6565b919050565b5f818152600260205260408120805473ffffffffffffffffffffffffffffffffffffffff16158015906107ce5750600481015460ff16155b80156108045750805473ffffffffffffffffffffffffffffffffffffffff165f9081526003602081905260409091205490820154145b801561081d5750600181015467ffffffffffffffff1642105b9392505050565b604080517fa48e4001b0559937750aaeacf1984bd1261872a90c9553b28ac45353893fd8f060208201529081018290525f9061067290606001610657565b5f6108bb6108736020860186611918565b6040805173ffffffffffffffffffffffffffffffffffffffff9290921660208084019190915260a0880135838301528151808403830181526060909301909152815191012090565b5f8181526002602052604090205490915073ffffffffffffffffffffffffffffffffffffffff161561091c576040517fb3e2817b000000000000000000000000000000000000000000000000000000008152600481018290526024016103c6565b61092881858585611053565b6040805160e08101909152806109416020870187611918565b73ffffffffffffffffffffffffffffffffffffffff16815260200161096c606087016040880161198d565b67ffffffffffffffff16815260200161098b608087016060880161198d565b67ffffffffffffffff1681526020016109aa60a087016080880161198d565b67ffffffffffffffff9081168252602087810180358285015260c0808a01356040808701919091525f606096870181905288815260028086529082902088518154968a0151881674010000000000000000000000000000000000000000027fffffffff0000000000000000000000000000000000000000000000000000000090971673ffffffffffffffffffffffffffffffffffffffff909116179590951785559087015160018501805497890151871668010000000000000000027fffffffffffffffffffffffffffffffff0000000000000000000000000000000090981691909616179590951790935560808501519382019390935560a08401516003820155920151600490920180549215157fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0090931692909217909155610aee9085611918565b73ffffffffffffffffffffffffffffffffffffffff16817fda9a41f62c263b069e55f9757b04702d09af2d0782185db517e347c9039d5a7b6020870135610b3b6060890160408a0161198d565b610b4b60808a0160608b0161198d565b610b5b60a08b0160808c0161198d565b6040805194855267ffffffffffffffff93841660208601529183169184019190915216606082015260a08089013560808301520160405180910390a39392505050565b5f6060805f5f5f6060610baf6112ee565b610bb761131e565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b5f610c0d6108736020860186611918565b5f81815260026020526040902080549192509073ffffffffffffffffffffffffffffffffffffffff16610c6f576040517f6a196fcb000000000000000000000000000000000000000000000000000000008152600481018390526024016103c6565b600481015460ff1680610cad5750805473ffffffffffffffffffffffffffffffffffffffff165f908152600360208190526040909120549082015414155b15610ce7576040517f9fb9090d000000000000000000000000000000000000000000000000000000008152600481018390526024016103c6565b805474010000000000000000000000000000000000000000900467ffffffffffffffff16610d1b606087016040880161198d565b67ffffffffffffffff1611610dad578054829074010000000000000000000000000000000000000000900467ffffffffffffffff16610d60606088016040890161198d565b6040517fa1240b43000000000000000000000000000000000000000000000000000000008152600481019390935267ffffffffffffffff91821660248401521660448201526064016103c6565b610db982868686611053565b610dc9606086016040870161198d565b815467ffffffffffffffff9190911674010000000000000000000000000000000000000000027fffffffff0000000000000000ffffffffffffffffffffffffffffffffffffffff909116178155610e26608086016060870161198d565b6001820180547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff92909216919091179055610e7160a086016080870161198d565b60018201805467ffffffffffffffff9290921668010000000000000000027fffffffffffffffffffffffffffffffff0000000000000000ffffffffffffffff9092169190911790556020850180356002830155610ece9086611918565b73ffffffffffffffffffffffffffffffffffffffff16827f9150825f9d489d8de66a1ef11ae1f0a033cb31cd4b833cec2a93fe843e01af996020880135610f1b60608a0160408b0161198d565b610f2b60808b0160608c0161198d565b610f3b60a08c0160808d0161198d565b6040805194855267ffffffffffffffff9384166020860152918316848301529091166060830152519081900360800190a3509392505050565b5f8373ffffffffffffffffffffffffffffffffffffffff163b5f03610ff9575f5f610f9f8585611349565b5090925090505f816003811115610fb857610fb86119b4565b148015610ff057508573ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16145b9250505061081d565b611004848484611392565b949350505050565b5f610672611018611410565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b5f6110616020850185611918565b73ffffffffffffffffffffffffffffffffffffffff16036110ae576040517f5be9484a00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6110be606084016040850161198d565b67ffffffffffffffff165f03611100576040517fa930733200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b42611111608085016060860161198d565b67ffffffffffffffff16116111765783611131608085016060860161198d565b6040517fc41b786a000000000000000000000000000000000000000000000000000000008152600481019290925267ffffffffffffffff1660248201526044016103c6565b5f6003816111876020870187611918565b73ffffffffffffffffffffffffffffffffffffffff1673ffffffffffffffffffffffffffffffffffffffff1681526020019081526020015f20549050808460c0013514611237576111db6020850185611918565b6040517f23e464cc00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff90911660048201526024810182905260c085013560448201526064016103c6565b61128b6112476020860186611918565b6112508661057b565b85858080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250610f7492505050565b6112e75761129c6020850185611918565b6040517fd855c4f400000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff90911660048201526024016103c6565b5050505050565b60606113197f0000000000000000000000000000000000000000000000000000000000000000611546565b905090565b60606113197f0000000000000000000000000000000000000000000000000000000000000000611546565b5f5f5f8351604103611380576020840151604085015160608601515f1a61137288828585611583565b95509550955050505061138b565b505081515f91506002905b9250925092565b8051604080517f1626ba7e000000000000000000000000000000000000000000000000000000008082526004820186905260248201929092525f92906020820185604483015e5f82606483010152601f820160051c60051b915060205f60648401838a5afa9050825f5114601f3d1116811693505050509392505050565b5f3073ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001614801561147557507f000000000000000000000000000000000000000000000000000000000000000046145b1561149f57507f000000000000000000000000000000000000000000000000000000000000000090565b611319604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60605f61155283611676565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411156115bc57505f9150600390508261166c565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa15801561160d573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff811661166357505f92506001915082905061166c565b92505f91508190505b9450945094915050565b5f60ff8216601f811115610672576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f83601f8401126116c6575f5ffd5b50813567ffffffffffffffff8111156116dd575f5ffd5b6020830191508360208285010111156116f4575f5ffd5b9250929050565b5f5f5f6040848603121561170d575f5ffd5b83359250602084013567ffffffffffffffff81111561172a575f5ffd5b611736868287016116b6565b9497909650939450505050565b5f60e08284031215611753575f5ffd5b50919050565b5f60e08284031215611769575f5ffd5b61081d8383611743565b5f60208284031215611783575f5ffd5b5035919050565b803573ffffffffffffffffffffffffffffffffffffffff81168114610791575f5ffd5b5f5f604083850312156117be575f5ffd5b6117c78361178a565b946020939093013593505050565b5f5f5f61010084860312156117e8575f5ffd5b6117f28585611743565b925060e084013567ffffffffffffffff81111561172a575f5ffd5b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f61189360e083018961180d565b82810360408401526118a5818961180d565b6060840188905273ffffffffffffffffffffffffffffffffffffffff8716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156119075783518352602093840193909201916001016118e9565b50909b9a5050505050505050505050565b5f60208284031215611928575f5ffd5b61081d8261178a565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8203611986577f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b5060010190565b5f6020828403121561199d575f5ffd5b813567ffffffffffffffff8116811461081d575f5ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd",
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

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

// SettlementBatch is an auto generated low-level Go binding around an user-defined struct.
type SettlementBatch struct {
	Id            uint64
	PrevRoot      [32]byte
	NewRoot       [32]byte
	VendorRoot    [32]byte
	DepositedSeen *big.Int
}

// SettlementMetaData contains all meta data concerning the Settlement contract.
var SettlementMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"token_\",\"type\":\"address\",\"internalType\":\"contractIERC20\"},{\"name\":\"attestation_\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"},{\"name\":\"exitDelay_\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"BATCH_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"attestation\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"batchDigest\",\"inputs\":[{\"name\":\"b\",\"type\":\"tuple\",\"internalType\":\"structSettlement.Batch\",\"components\":[{\"name\":\"id\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"prevRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"newRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"vendorRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"depositedSeen\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"name\":\"vendors\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"totals\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"batchId\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"credited\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deposit\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"deposited\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"exit\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"balance\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"exitDelay\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"exitMode\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"exited\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"hasExited\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"lastBatchAt\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"postBatch\",\"inputs\":[{\"name\":\"b\",\"type\":\"tuple\",\"internalType\":\"structSettlement.Batch\",\"components\":[{\"name\":\"id\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"prevRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"newRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"vendorRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"depositedSeen\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"name\":\"vendors\",\"type\":\"address[]\",\"internalType\":\"address[]\"},{\"name\":\"totals\",\"type\":\"uint256[]\",\"internalType\":\"uint256[]\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"stateRoot\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"token\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIERC20\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vendorRoot\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vendorWithdrawn\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"withdraw\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"cumulative\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"proof\",\"type\":\"bytes32[]\",\"internalType\":\"bytes32[]\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"withdrawnOf\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"BatchPosted\",\"inputs\":[{\"name\":\"batchId\",\"type\":\"uint64\",\"indexed\":true,\"internalType\":\"uint64\"},{\"name\":\"prevRoot\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"newRoot\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"vendors\",\"type\":\"address[]\",\"indexed\":false,\"internalType\":\"address[]\"},{\"name\":\"totals\",\"type\":\"uint256[]\",\"indexed\":false,\"internalType\":\"uint256[]\"},{\"name\":\"sequencer\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Deposited\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Exited\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Withdrawn\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"amount\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"AlreadyExited\",\"inputs\":[{\"name\":\"account\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"BadProof\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"ExitMode\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"Mismatch\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NothingToWithdraw\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"OverDeposits\",\"inputs\":[{\"name\":\"credited\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deposited\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"SafeERC20FailedOperation\",\"inputs\":[{\"name\":\"token\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SequencerAlive\",\"inputs\":[{\"name\":\"exitAfter\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"StaleDeposits\",\"inputs\":[{\"name\":\"seen\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"deposited\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"WrongBatch\",\"inputs\":[{\"name\":\"batchId\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"expected\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"WrongPrevRoot\",\"inputs\":[{\"name\":\"prevRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"stateRoot\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"ZeroAmount\",\"inputs\":[]}]",
	ID:  "Settlement",
	Bin: "0x60e060405234801561000f575f5ffd5b506040516113f63803806113f683398101604081905261002e91610093565b6001600160a01b03928316608052911660a0526001600160401b0390811660c05260048054429092166801000000000000000002600160401b600160801b03199092169190911790556100e8565b6001600160a01b0381168114610090575f5ffd5b50565b5f5f5f606084860312156100a5575f5ffd5b83516100b08161007c565b60208501519093506100c18161007c565b60408501519092506001600160401b03811681146100dd575f5ffd5b809150509250925092565b60805160a05160c0516112c16101355f395f818161015e015261080b01525f81816101eb015261063901525f81816103090152818161039201528181610a120152610c0401526112c15ff3fe608060405234801561000f575f5ffd5b5060043610610127575f3560e01c80639a0c833e116100a9578063d031c43e1161006e578063d031c43e146102c3578063d598dc3f146102d6578063eecd1960146102e9578063eef49ee3146102fc578063fc0c546a14610304575f5ffd5b80639a0c833e1461022e578063aa0cae3d14610241578063b7848f321461025b578063c715a2b114610282578063cc98ed7b146102a1575f5ffd5b806347e7ef24116100ef57806347e7ef24146101b55780634972134a146101ca5780635ce6c327146101dd5780635ea1d46a146101e65780639588eca214610225575f5ffd5b80631281a0c11461012b57806312aecce7146101475780632747609114610150578063283886301461015957806328e18a8914610198575b5f5ffd5b61013460065481565b6040519081526020015b60405180910390f35b61013460015481565b61013460025481565b6101807f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160401b03909116815260200161013e565b6007546101a59060ff1681565b604051901515815260200161013e565b6101c86101c3366004610e8b565b61032b565b005b600454610180906001600160401b031681565b61013460035481565b61020d7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161013e565b61013460055481565b61013461023c366004610f12565b610401565b60045461018090600160401b90046001600160401b031681565b6101347f4cb5452810f524f1d1bfaa6aa0c7b876a85706012e5d515448ed902d624e174181565b610134610290366004610f91565b60086020525f908152604090205481565b6101a56102af366004610f91565b60096020525f908152604090205460ff1681565b6101c86102d1366004610fb3565b6104f5565b6101c86102e436600461108f565b610800565b6101c86102f736600461108f565b610a84565b6101345f5481565b61020d7f000000000000000000000000000000000000000000000000000000000000000081565b805f0361034b57604051631f2a200560e01b815260040160405180910390fd5b60075460ff161561036f576040516316fa599160e21b815260040160405180910390fd5b805f5f82825461037f91906110fa565b909155506103ba90506001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016333084610c66565b816001600160a01b03167f2da466a7b24304f47e87fa2e1e5a81b9831ce54fec19055ce277ca2f39ba42c4826040516103f591815260200190565b60405180910390a25050565b5f5f8585858560405160200161041a9493929190611185565b6040516020818303038152906040528051906020012090507f4cb5452810f524f1d1bfaa6aa0c7b876a85706012e5d515448ed902d624e17414630895f01602081019061046791906111b6565b60408051602081810196909652808201949094526001600160a01b039092166060848101919091526001600160401b03909116608084810191909152938b013560a0840152908a013560c083015289013560e0820152610100810183905290880135610120820152610140016040516020818303038152906040528051906020012091505095945050505050565b60075460ff1615610519576040516316fa599160e21b815260040160405180910390fd5b600454610530906001600160401b031660016111dc565b6001600160401b031661054660208901896111b6565b6001600160401b0316146105a95761056160208801886111b6565b600454610578906001600160401b031660016111dc565b604051636c02e82560e11b81526001600160401b039283166004820152911660248201526044015b60405180910390fd5b6005548760200135146105e05760055460405163385ac16b60e01b81526020890135600482015260248101919091526044016105a0565b848314610600576040516377a93d8d60e01b815260040160405180910390fd5b5f5487608001351115610636575f54604051631b0ba77d60e31b81526080890135600482015260248101919091526044016105a0565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166302c4ed356106738a8a8a8a8a610401565b85856040518463ffffffff1660e01b8152600401610693939291906111fb565b602060405180830381865afa1580156106ae573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906106d29190611230565b90505f6106df8686610ca2565b6001546106ec91906110fa565b905088608001356003548261070191906110fa565b111561073b5760035461071490826110fa565b604051633ab68bd360e01b8152600481019190915260808a013560248201526044016105a0565b600181905561074d60208a018a6111b6565b6004805460408c013560055560608c0135600655426001600160401b03908116600160401b026fffffffffffffffffffffffffffffffff199092169316929092179190911790556107a160208a018a6111b6565b6001600160401b03167fa0a2f8e0c73c794771b728a715c213777e91ab6b397d38647409c7284fb474c38a602001358b604001358b8b8b8b896040516107ed979695949392919061124b565b60405180910390a2505050505050505050565b6004545f90610840907f000000000000000000000000000000000000000000000000000000000000000090600160401b90046001600160401b03166111dc565b9050806001600160401b031642101561087757604051632b62e85f60e11b81526001600160401b03821660048201526024016105a0565b835f0361089757604051631f2a200560e01b815260040160405180910390fd5b6001600160a01b0385165f9081526009602052604090205460ff16156108db576040516307cb805760e41b81526001600160a01b03861660048201526024016105a0565b604080516001600160a01b03871660208201529081018590525f9060600160408051601f198184030181528282528051602091820120908301520160405160208183030381529060405280519060200120905061093c848460055484610ce2565b61095957604051637ca55c7760e01b815260040160405180910390fd5b5f548560035460015461096c91906110fa565b61097691906110fa565b11156109bb578460035460015461098d91906110fa565b61099791906110fa565b5f54604051633ab68bd360e01b8152600481019290925260248201526044016105a0565b60078054600160ff1991821681179092556001600160a01b0388165f90815260096020526040812080549092169092179055600380548792906109ff9084906110fa565b90915550610a3990506001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168787610cf9565b856001600160a01b03167f920bb94eb3842a728db98228c375ff6b00c5bc5a54fac6736155517a0a20a61a86604051610a7491815260200190565b60405180910390a2505050505050565b604080516001600160a01b03861660208201529081018490525f9060600160408051601f1981840301815282825280516020918201209083015201604051602081830303815290604052805190602001209050610ae5838360065484610ce2565b610b0257604051637ca55c7760e01b815260040160405180910390fd5b6001600160a01b0385165f908152600860205260409020548411610b4457604051636e34ee0b60e11b81526001600160a01b03861660048201526024016105a0565b6001600160a01b0385165f90815260086020526040812054610b66908661129a565b905060015481600254610b7991906110fa565b1115610bb25780600254610b8d91906110fa565b600154604051633ab68bd360e01b8152600481019290925260248201526044016105a0565b6001600160a01b0386165f9081526008602052604081208054839290610bd99084906110fa565b925050819055508060025f828254610bf191906110fa565b90915550610c2b90506001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168783610cf9565b856001600160a01b03167f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d582604051610a7491815260200190565b610c74848484846001610d33565b610c9c57604051635274afe760e01b81526001600160a01b03851660048201526024016105a0565b50505050565b5f805b82811015610cdb57838382818110610cbf57610cbf6112ad565b9050602002013582610cd191906110fa565b9150600101610ca5565b5092915050565b5f82610cef868685610da0565b1495945050505050565b610d068383836001610de1565b610d2e57604051635274afe760e01b81526001600160a01b03841660048201526024016105a0565b505050565b6040516323b872dd60e01b5f8181526001600160a01b038781166004528616602452604485905291602083606481808c5af1925060015f51148316610d8f578383151615610d83573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f81815b84811015610dd857610dce82878784818110610dc257610dc26112ad565b90506020020135610e43565b9150600101610da4565b50949350505050565b60405163a9059cbb60e01b5f8181526001600160a01b038616600452602485905291602083604481808b5af1925060015f51148316610e37578383151615610e2b573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f818310610e5d575f828152602084905260409020610e6b565b5f8381526020839052604090205b90505b92915050565b6001600160a01b0381168114610e88575f5ffd5b50565b5f5f60408385031215610e9c575f5ffd5b8235610ea781610e74565b946020939093013593505050565b5f60a08284031215610ec5575f5ffd5b50919050565b5f5f83601f840112610edb575f5ffd5b5081356001600160401b03811115610ef1575f5ffd5b6020830191508360208260051b8501011115610f0b575f5ffd5b9250929050565b5f5f5f5f5f60e08688031215610f26575f5ffd5b610f308787610eb5565b945060a08601356001600160401b03811115610f4a575f5ffd5b610f5688828901610ecb565b90955093505060c08601356001600160401b03811115610f74575f5ffd5b610f8088828901610ecb565b969995985093965092949392505050565b5f60208284031215610fa1575f5ffd5b8135610fac81610e74565b9392505050565b5f5f5f5f5f5f5f610100888a031215610fca575f5ffd5b610fd48989610eb5565b965060a08801356001600160401b03811115610fee575f5ffd5b610ffa8a828b01610ecb565b90975095505060c08801356001600160401b03811115611018575f5ffd5b6110248a828b01610ecb565b90955093505060e08801356001600160401b03811115611042575f5ffd5b8801601f81018a13611052575f5ffd5b80356001600160401b03811115611067575f5ffd5b8a6020828401011115611078575f5ffd5b602082019350809250505092959891949750929550565b5f5f5f5f606085870312156110a2575f5ffd5b84356110ad81610e74565b93506020850135925060408501356001600160401b038111156110ce575f5ffd5b6110da87828801610ecb565b95989497509550505050565b634e487b7160e01b5f52601160045260245ffd5b80820180821115610e6e57610e6e6110e6565b8183526020830192505f815f5b8481101561114b57813561112d81610e74565b6001600160a01b03168652602095860195919091019060010161111a565b5093949350505050565b8183525f6001600160fb1b0383111561116c575f5ffd5b8260051b80836020870137939093016020019392505050565b604081525f61119860408301868861110d565b82810360208401526111ab818587611155565b979650505050505050565b5f602082840312156111c6575f5ffd5b81356001600160401b0381168114610fac575f5ffd5b6001600160401b038181168382160190811115610e6e57610e6e6110e6565b83815260406020820152816040820152818360608301375f818301606090810191909152601f909201601f1916010192915050565b5f60208284031215611240575f5ffd5b8151610fac81610e74565b87815286602082015260a060408201525f61126a60a08301878961110d565b828103606084015261127d818688611155565b91505060018060a01b038316608083015298975050505050505050565b81810381811115610e6e57610e6e6110e6565b634e487b7160e01b5f52603260045260245ffd",
}

// Settlement is an auto generated Go binding around an Ethereum contract.
type Settlement struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Settlement) GetABI() abi.ABI {
	return c.abi
}

// NewSettlement creates a new instance of Settlement.
func NewSettlement() *Settlement {
	parsed, err := SettlementMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Settlement{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Settlement) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address attestation_, uint64 exitDelay_) returns()
func (settlement *Settlement) PackConstructor(token_ common.Address, attestation_ common.Address, exitDelay_ uint64) []byte {
	enc, err := settlement.abi.Pack("", token_, attestation_, exitDelay_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBATCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7848f32.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (settlement *Settlement) PackBATCHTYPEHASH() []byte {
	enc, err := settlement.abi.Pack("BATCH_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBATCHTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb7848f32.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (settlement *Settlement) TryPackBATCHTYPEHASH() ([]byte, error) {
	return settlement.abi.Pack("BATCH_TYPEHASH")
}

// UnpackBATCHTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb7848f32.
//
// Solidity: function BATCH_TYPEHASH() view returns(bytes32)
func (settlement *Settlement) UnpackBATCHTYPEHASH(data []byte) ([32]byte, error) {
	out, err := settlement.abi.Unpack("BATCH_TYPEHASH", data)
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
func (settlement *Settlement) PackAttestation() []byte {
	enc, err := settlement.abi.Pack("attestation")
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
func (settlement *Settlement) TryPackAttestation() ([]byte, error) {
	return settlement.abi.Pack("attestation")
}

// UnpackAttestation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5ea1d46a.
//
// Solidity: function attestation() view returns(address)
func (settlement *Settlement) UnpackAttestation(data []byte) (common.Address, error) {
	out, err := settlement.abi.Unpack("attestation", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackBatchDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a0c833e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchDigest((uint64,bytes32,bytes32,bytes32,uint256) b, address[] vendors, uint256[] totals) view returns(bytes32)
func (settlement *Settlement) PackBatchDigest(b SettlementBatch, vendors []common.Address, totals []*big.Int) []byte {
	enc, err := settlement.abi.Pack("batchDigest", b, vendors, totals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a0c833e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchDigest((uint64,bytes32,bytes32,bytes32,uint256) b, address[] vendors, uint256[] totals) view returns(bytes32)
func (settlement *Settlement) TryPackBatchDigest(b SettlementBatch, vendors []common.Address, totals []*big.Int) ([]byte, error) {
	return settlement.abi.Pack("batchDigest", b, vendors, totals)
}

// UnpackBatchDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a0c833e.
//
// Solidity: function batchDigest((uint64,bytes32,bytes32,bytes32,uint256) b, address[] vendors, uint256[] totals) view returns(bytes32)
func (settlement *Settlement) UnpackBatchDigest(data []byte) ([32]byte, error) {
	out, err := settlement.abi.Unpack("batchDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackBatchId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4972134a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchId() view returns(uint64)
func (settlement *Settlement) PackBatchId() []byte {
	enc, err := settlement.abi.Pack("batchId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4972134a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchId() view returns(uint64)
func (settlement *Settlement) TryPackBatchId() ([]byte, error) {
	return settlement.abi.Pack("batchId")
}

// UnpackBatchId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4972134a.
//
// Solidity: function batchId() view returns(uint64)
func (settlement *Settlement) UnpackBatchId(data []byte) (uint64, error) {
	out, err := settlement.abi.Unpack("batchId", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackCredited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12aecce7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function credited() view returns(uint256)
func (settlement *Settlement) PackCredited() []byte {
	enc, err := settlement.abi.Pack("credited")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCredited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12aecce7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function credited() view returns(uint256)
func (settlement *Settlement) TryPackCredited() ([]byte, error) {
	return settlement.abi.Pack("credited")
}

// UnpackCredited is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x12aecce7.
//
// Solidity: function credited() view returns(uint256)
func (settlement *Settlement) UnpackCredited(data []byte) (*big.Int, error) {
	out, err := settlement.abi.Unpack("credited", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47e7ef24.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deposit(address account, uint256 amount) returns()
func (settlement *Settlement) PackDeposit(account common.Address, amount *big.Int) []byte {
	enc, err := settlement.abi.Pack("deposit", account, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x47e7ef24.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deposit(address account, uint256 amount) returns()
func (settlement *Settlement) TryPackDeposit(account common.Address, amount *big.Int) ([]byte, error) {
	return settlement.abi.Pack("deposit", account, amount)
}

// PackDeposited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeef49ee3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deposited() view returns(uint256)
func (settlement *Settlement) PackDeposited() []byte {
	enc, err := settlement.abi.Pack("deposited")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeposited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeef49ee3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deposited() view returns(uint256)
func (settlement *Settlement) TryPackDeposited() ([]byte, error) {
	return settlement.abi.Pack("deposited")
}

// UnpackDeposited is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeef49ee3.
//
// Solidity: function deposited() view returns(uint256)
func (settlement *Settlement) UnpackDeposited(data []byte) (*big.Int, error) {
	out, err := settlement.abi.Unpack("deposited", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackExit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd598dc3f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exit(address account, uint256 balance, bytes32[] proof) returns()
func (settlement *Settlement) PackExit(account common.Address, balance *big.Int, proof [][32]byte) []byte {
	enc, err := settlement.abi.Pack("exit", account, balance, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd598dc3f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exit(address account, uint256 balance, bytes32[] proof) returns()
func (settlement *Settlement) TryPackExit(account common.Address, balance *big.Int, proof [][32]byte) ([]byte, error) {
	return settlement.abi.Pack("exit", account, balance, proof)
}

// PackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exitDelay() view returns(uint64)
func (settlement *Settlement) PackExitDelay() []byte {
	enc, err := settlement.abi.Pack("exitDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exitDelay() view returns(uint64)
func (settlement *Settlement) TryPackExitDelay() ([]byte, error) {
	return settlement.abi.Pack("exitDelay")
}

// UnpackExitDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28388630.
//
// Solidity: function exitDelay() view returns(uint64)
func (settlement *Settlement) UnpackExitDelay(data []byte) (uint64, error) {
	out, err := settlement.abi.Unpack("exitDelay", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackExitMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28e18a89.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exitMode() view returns(bool)
func (settlement *Settlement) PackExitMode() []byte {
	enc, err := settlement.abi.Pack("exitMode")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExitMode is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28e18a89.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exitMode() view returns(bool)
func (settlement *Settlement) TryPackExitMode() ([]byte, error) {
	return settlement.abi.Pack("exitMode")
}

// UnpackExitMode is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28e18a89.
//
// Solidity: function exitMode() view returns(bool)
func (settlement *Settlement) UnpackExitMode(data []byte) (bool, error) {
	out, err := settlement.abi.Unpack("exitMode", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackExited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ce6c327.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exited() view returns(uint256)
func (settlement *Settlement) PackExited() []byte {
	enc, err := settlement.abi.Pack("exited")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ce6c327.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exited() view returns(uint256)
func (settlement *Settlement) TryPackExited() ([]byte, error) {
	return settlement.abi.Pack("exited")
}

// UnpackExited is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5ce6c327.
//
// Solidity: function exited() view returns(uint256)
func (settlement *Settlement) UnpackExited(data []byte) (*big.Int, error) {
	out, err := settlement.abi.Unpack("exited", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackHasExited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc98ed7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function hasExited(address account) view returns(bool)
func (settlement *Settlement) PackHasExited(account common.Address) []byte {
	enc, err := settlement.abi.Pack("hasExited", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHasExited is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc98ed7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function hasExited(address account) view returns(bool)
func (settlement *Settlement) TryPackHasExited(account common.Address) ([]byte, error) {
	return settlement.abi.Pack("hasExited", account)
}

// UnpackHasExited is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcc98ed7b.
//
// Solidity: function hasExited(address account) view returns(bool)
func (settlement *Settlement) UnpackHasExited(data []byte) (bool, error) {
	out, err := settlement.abi.Unpack("hasExited", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackLastBatchAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaa0cae3d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastBatchAt() view returns(uint64)
func (settlement *Settlement) PackLastBatchAt() []byte {
	enc, err := settlement.abi.Pack("lastBatchAt")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastBatchAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaa0cae3d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastBatchAt() view returns(uint64)
func (settlement *Settlement) TryPackLastBatchAt() ([]byte, error) {
	return settlement.abi.Pack("lastBatchAt")
}

// UnpackLastBatchAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaa0cae3d.
//
// Solidity: function lastBatchAt() view returns(uint64)
func (settlement *Settlement) UnpackLastBatchAt(data []byte) (uint64, error) {
	out, err := settlement.abi.Unpack("lastBatchAt", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPostBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd031c43e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function postBatch((uint64,bytes32,bytes32,bytes32,uint256) b, address[] vendors, uint256[] totals, bytes signature) returns()
func (settlement *Settlement) PackPostBatch(b SettlementBatch, vendors []common.Address, totals []*big.Int, signature []byte) []byte {
	enc, err := settlement.abi.Pack("postBatch", b, vendors, totals, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPostBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd031c43e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function postBatch((uint64,bytes32,bytes32,bytes32,uint256) b, address[] vendors, uint256[] totals, bytes signature) returns()
func (settlement *Settlement) TryPackPostBatch(b SettlementBatch, vendors []common.Address, totals []*big.Int, signature []byte) ([]byte, error) {
	return settlement.abi.Pack("postBatch", b, vendors, totals, signature)
}

// PackStateRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9588eca2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function stateRoot() view returns(bytes32)
func (settlement *Settlement) PackStateRoot() []byte {
	enc, err := settlement.abi.Pack("stateRoot")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackStateRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9588eca2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function stateRoot() view returns(bytes32)
func (settlement *Settlement) TryPackStateRoot() ([]byte, error) {
	return settlement.abi.Pack("stateRoot")
}

// UnpackStateRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9588eca2.
//
// Solidity: function stateRoot() view returns(bytes32)
func (settlement *Settlement) UnpackStateRoot(data []byte) ([32]byte, error) {
	out, err := settlement.abi.Unpack("stateRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (settlement *Settlement) PackToken() []byte {
	enc, err := settlement.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (settlement *Settlement) TryPackToken() ([]byte, error) {
	return settlement.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (settlement *Settlement) UnpackToken(data []byte) (common.Address, error) {
	out, err := settlement.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackVendorRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1281a0c1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vendorRoot() view returns(bytes32)
func (settlement *Settlement) PackVendorRoot() []byte {
	enc, err := settlement.abi.Pack("vendorRoot")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVendorRoot is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1281a0c1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vendorRoot() view returns(bytes32)
func (settlement *Settlement) TryPackVendorRoot() ([]byte, error) {
	return settlement.abi.Pack("vendorRoot")
}

// UnpackVendorRoot is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1281a0c1.
//
// Solidity: function vendorRoot() view returns(bytes32)
func (settlement *Settlement) UnpackVendorRoot(data []byte) ([32]byte, error) {
	out, err := settlement.abi.Unpack("vendorRoot", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVendorWithdrawn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27476091.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vendorWithdrawn() view returns(uint256)
func (settlement *Settlement) PackVendorWithdrawn() []byte {
	enc, err := settlement.abi.Pack("vendorWithdrawn")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVendorWithdrawn is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27476091.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vendorWithdrawn() view returns(uint256)
func (settlement *Settlement) TryPackVendorWithdrawn() ([]byte, error) {
	return settlement.abi.Pack("vendorWithdrawn")
}

// UnpackVendorWithdrawn is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27476091.
//
// Solidity: function vendorWithdrawn() view returns(uint256)
func (settlement *Settlement) UnpackVendorWithdrawn(data []byte) (*big.Int, error) {
	out, err := settlement.abi.Unpack("vendorWithdrawn", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeecd1960.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw(address vendor, uint256 cumulative, bytes32[] proof) returns()
func (settlement *Settlement) PackWithdraw(vendor common.Address, cumulative *big.Int, proof [][32]byte) []byte {
	enc, err := settlement.abi.Pack("withdraw", vendor, cumulative, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeecd1960.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw(address vendor, uint256 cumulative, bytes32[] proof) returns()
func (settlement *Settlement) TryPackWithdraw(vendor common.Address, cumulative *big.Int, proof [][32]byte) ([]byte, error) {
	return settlement.abi.Pack("withdraw", vendor, cumulative, proof)
}

// PackWithdrawnOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc715a2b1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawnOf(address vendor) view returns(uint256)
func (settlement *Settlement) PackWithdrawnOf(vendor common.Address) []byte {
	enc, err := settlement.abi.Pack("withdrawnOf", vendor)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawnOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc715a2b1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawnOf(address vendor) view returns(uint256)
func (settlement *Settlement) TryPackWithdrawnOf(vendor common.Address) ([]byte, error) {
	return settlement.abi.Pack("withdrawnOf", vendor)
}

// UnpackWithdrawnOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc715a2b1.
//
// Solidity: function withdrawnOf(address vendor) view returns(uint256)
func (settlement *Settlement) UnpackWithdrawnOf(data []byte) (*big.Int, error) {
	out, err := settlement.abi.Unpack("withdrawnOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// SettlementBatchPosted represents a BatchPosted event raised by the Settlement contract.
type SettlementBatchPosted struct {
	BatchId   uint64
	PrevRoot  [32]byte
	NewRoot   [32]byte
	Vendors   []common.Address
	Totals    []*big.Int
	Sequencer common.Address
	Raw       *types.Log // Blockchain specific contextual infos
}

const SettlementBatchPostedEventName = "BatchPosted"

// ContractEventName returns the user-defined event name.
func (SettlementBatchPosted) ContractEventName() string {
	return SettlementBatchPostedEventName
}

// UnpackBatchPostedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchPosted(uint64 indexed batchId, bytes32 prevRoot, bytes32 newRoot, address[] vendors, uint256[] totals, address sequencer)
func (settlement *Settlement) UnpackBatchPostedEvent(log *types.Log) (*SettlementBatchPosted, error) {
	event := "BatchPosted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != settlement.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SettlementBatchPosted)
	if len(log.Data) > 0 {
		if err := settlement.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range settlement.abi.Events[event].Inputs {
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

// SettlementDeposited represents a Deposited event raised by the Settlement contract.
type SettlementDeposited struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const SettlementDepositedEventName = "Deposited"

// ContractEventName returns the user-defined event name.
func (SettlementDeposited) ContractEventName() string {
	return SettlementDepositedEventName
}

// UnpackDepositedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Deposited(address indexed account, uint256 amount)
func (settlement *Settlement) UnpackDepositedEvent(log *types.Log) (*SettlementDeposited, error) {
	event := "Deposited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != settlement.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SettlementDeposited)
	if len(log.Data) > 0 {
		if err := settlement.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range settlement.abi.Events[event].Inputs {
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

// SettlementExited represents a Exited event raised by the Settlement contract.
type SettlementExited struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const SettlementExitedEventName = "Exited"

// ContractEventName returns the user-defined event name.
func (SettlementExited) ContractEventName() string {
	return SettlementExitedEventName
}

// UnpackExitedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Exited(address indexed account, uint256 amount)
func (settlement *Settlement) UnpackExitedEvent(log *types.Log) (*SettlementExited, error) {
	event := "Exited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != settlement.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SettlementExited)
	if len(log.Data) > 0 {
		if err := settlement.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range settlement.abi.Events[event].Inputs {
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

// SettlementWithdrawn represents a Withdrawn event raised by the Settlement contract.
type SettlementWithdrawn struct {
	Vendor common.Address
	Amount *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const SettlementWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (SettlementWithdrawn) ContractEventName() string {
	return SettlementWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed vendor, uint256 amount)
func (settlement *Settlement) UnpackWithdrawnEvent(log *types.Log) (*SettlementWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != settlement.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SettlementWithdrawn)
	if len(log.Data) > 0 {
		if err := settlement.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range settlement.abi.Events[event].Inputs {
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
func (settlement *Settlement) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], settlement.abi.Errors["AlreadyExited"].ID.Bytes()[:4]) {
		return settlement.UnpackAlreadyExitedError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["BadProof"].ID.Bytes()[:4]) {
		return settlement.UnpackBadProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["ExitMode"].ID.Bytes()[:4]) {
		return settlement.UnpackExitModeError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["Mismatch"].ID.Bytes()[:4]) {
		return settlement.UnpackMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return settlement.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["OverDeposits"].ID.Bytes()[:4]) {
		return settlement.UnpackOverDepositsError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return settlement.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["SequencerAlive"].ID.Bytes()[:4]) {
		return settlement.UnpackSequencerAliveError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["StaleDeposits"].ID.Bytes()[:4]) {
		return settlement.UnpackStaleDepositsError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["WrongBatch"].ID.Bytes()[:4]) {
		return settlement.UnpackWrongBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["WrongPrevRoot"].ID.Bytes()[:4]) {
		return settlement.UnpackWrongPrevRootError(raw[4:])
	}
	if bytes.Equal(raw[:4], settlement.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return settlement.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// SettlementAlreadyExited represents a AlreadyExited error raised by the Settlement contract.
type SettlementAlreadyExited struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyExited(address account)
func SettlementAlreadyExitedErrorID() common.Hash {
	return common.HexToHash("0x7cb80570786b815ff1cbd300f74a059a9b8cf61ef05c2cce650a3a9cce3b230a")
}

// UnpackAlreadyExitedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyExited(address account)
func (settlement *Settlement) UnpackAlreadyExitedError(raw []byte) (*SettlementAlreadyExited, error) {
	out := new(SettlementAlreadyExited)
	if err := settlement.abi.UnpackIntoInterface(out, "AlreadyExited", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementBadProof represents a BadProof error raised by the Settlement contract.
type SettlementBadProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadProof()
func SettlementBadProofErrorID() common.Hash {
	return common.HexToHash("0x7ca55c774976027f27f73629387ed99a2044a8721aec39c3c2717944b08c423a")
}

// UnpackBadProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadProof()
func (settlement *Settlement) UnpackBadProofError(raw []byte) (*SettlementBadProof, error) {
	out := new(SettlementBadProof)
	if err := settlement.abi.UnpackIntoInterface(out, "BadProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementExitMode represents a ExitMode error raised by the Settlement contract.
type SettlementExitMode struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExitMode()
func SettlementExitModeErrorID() common.Hash {
	return common.HexToHash("0x5be966447fea2627f7eccfc222fd887bf8f7c2c7f49fcc0938f8a6cb9531dc69")
}

// UnpackExitModeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExitMode()
func (settlement *Settlement) UnpackExitModeError(raw []byte) (*SettlementExitMode, error) {
	out := new(SettlementExitMode)
	if err := settlement.abi.UnpackIntoInterface(out, "ExitMode", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementMismatch represents a Mismatch error raised by the Settlement contract.
type SettlementMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Mismatch()
func SettlementMismatchErrorID() common.Hash {
	return common.HexToHash("0x77a93d8da01b8f0b47fc3a12e2fbbf2fd4aae59757d9e0d588dae07465c4f785")
}

// UnpackMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Mismatch()
func (settlement *Settlement) UnpackMismatchError(raw []byte) (*SettlementMismatch, error) {
	out := new(SettlementMismatch)
	if err := settlement.abi.UnpackIntoInterface(out, "Mismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementNothingToWithdraw represents a NothingToWithdraw error raised by the Settlement contract.
type SettlementNothingToWithdraw struct {
	Vendor common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToWithdraw(address vendor)
func SettlementNothingToWithdrawErrorID() common.Hash {
	return common.HexToHash("0xdc69dc16e4a8405b44139edda9a06ee66b303337358b6f4633533d65de15b7f4")
}

// UnpackNothingToWithdrawError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToWithdraw(address vendor)
func (settlement *Settlement) UnpackNothingToWithdrawError(raw []byte) (*SettlementNothingToWithdraw, error) {
	out := new(SettlementNothingToWithdraw)
	if err := settlement.abi.UnpackIntoInterface(out, "NothingToWithdraw", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementOverDeposits represents a OverDeposits error raised by the Settlement contract.
type SettlementOverDeposits struct {
	Credited  *big.Int
	Deposited *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OverDeposits(uint256 credited, uint256 deposited)
func SettlementOverDepositsErrorID() common.Hash {
	return common.HexToHash("0x3ab68bd30dc313a5b703b6abfe9a0931db13871e2906dc8901463e8d4f18785d")
}

// UnpackOverDepositsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OverDeposits(uint256 credited, uint256 deposited)
func (settlement *Settlement) UnpackOverDepositsError(raw []byte) (*SettlementOverDeposits, error) {
	out := new(SettlementOverDeposits)
	if err := settlement.abi.UnpackIntoInterface(out, "OverDeposits", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Settlement contract.
type SettlementSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func SettlementSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (settlement *Settlement) UnpackSafeERC20FailedOperationError(raw []byte) (*SettlementSafeERC20FailedOperation, error) {
	out := new(SettlementSafeERC20FailedOperation)
	if err := settlement.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementSequencerAlive represents a SequencerAlive error raised by the Settlement contract.
type SettlementSequencerAlive struct {
	ExitAfter uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerAlive(uint64 exitAfter)
func SettlementSequencerAliveErrorID() common.Hash {
	return common.HexToHash("0x56c5d0beb481256d31bd086ac338ca1980e81a115e7bb0b22866281564acea49")
}

// UnpackSequencerAliveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerAlive(uint64 exitAfter)
func (settlement *Settlement) UnpackSequencerAliveError(raw []byte) (*SettlementSequencerAlive, error) {
	out := new(SettlementSequencerAlive)
	if err := settlement.abi.UnpackIntoInterface(out, "SequencerAlive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementStaleDeposits represents a StaleDeposits error raised by the Settlement contract.
type SettlementStaleDeposits struct {
	Seen      *big.Int
	Deposited *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleDeposits(uint256 seen, uint256 deposited)
func SettlementStaleDepositsErrorID() common.Hash {
	return common.HexToHash("0xd85d3be82c1763d022e7e69920cd0fc8f100b4e45f5f6a3257578cdef9952847")
}

// UnpackStaleDepositsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleDeposits(uint256 seen, uint256 deposited)
func (settlement *Settlement) UnpackStaleDepositsError(raw []byte) (*SettlementStaleDeposits, error) {
	out := new(SettlementStaleDeposits)
	if err := settlement.abi.UnpackIntoInterface(out, "StaleDeposits", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementWrongBatch represents a WrongBatch error raised by the Settlement contract.
type SettlementWrongBatch struct {
	BatchId  uint64
	Expected uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongBatch(uint64 batchId, uint64 expected)
func SettlementWrongBatchErrorID() common.Hash {
	return common.HexToHash("0xd805d04ab84d4262864a559b379d2c4db155b782bf8f276d96fce7a4d21519a4")
}

// UnpackWrongBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongBatch(uint64 batchId, uint64 expected)
func (settlement *Settlement) UnpackWrongBatchError(raw []byte) (*SettlementWrongBatch, error) {
	out := new(SettlementWrongBatch)
	if err := settlement.abi.UnpackIntoInterface(out, "WrongBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementWrongPrevRoot represents a WrongPrevRoot error raised by the Settlement contract.
type SettlementWrongPrevRoot struct {
	PrevRoot  [32]byte
	StateRoot [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongPrevRoot(bytes32 prevRoot, bytes32 stateRoot)
func SettlementWrongPrevRootErrorID() common.Hash {
	return common.HexToHash("0x385ac16b4c21ee918c5b43db913887c52ea1550967b57fd4119042e4374b7af0")
}

// UnpackWrongPrevRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongPrevRoot(bytes32 prevRoot, bytes32 stateRoot)
func (settlement *Settlement) UnpackWrongPrevRootError(raw []byte) (*SettlementWrongPrevRoot, error) {
	out := new(SettlementWrongPrevRoot)
	if err := settlement.abi.UnpackIntoInterface(out, "WrongPrevRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SettlementZeroAmount represents a ZeroAmount error raised by the Settlement contract.
type SettlementZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func SettlementZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (settlement *Settlement) UnpackZeroAmountError(raw []byte) (*SettlementZeroAmount, error) {
	out := new(SettlementZeroAmount)
	if err := settlement.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

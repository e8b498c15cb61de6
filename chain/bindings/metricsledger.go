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

// MetricsLedgerTotals is an auto generated low-level Go binding around an user-defined struct.
type MetricsLedgerTotals struct {
	AgentsMatched   uint64
	ImpressionsSent uint64
	Redemptions     uint64
	Epoch           uint64
}

// MetricsLedgerMetaData contains all meta data concerning the MetricsLedger contract.
var MetricsLedgerMetaData = bind.MetaData{
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"registry_\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"METRICS_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"digest\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"t\",\"type\":\"tuple\",\"internalType\":\"structMetricsLedger.Totals\",\"components\":[{\"name\":\"agentsMatched\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"impressionsSent\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"redemptions\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"epoch\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"buckets\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"post\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"t\",\"type\":\"tuple\",\"internalType\":\"structMetricsLedger.Totals\",\"components\":[{\"name\":\"agentsMatched\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"impressionsSent\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"redemptions\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"epoch\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"name\":\"buckets\",\"type\":\"bytes\",\"internalType\":\"bytes\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"registry\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"totals\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"matcher\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"agentsMatched\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"impressionsSent\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"redemptions\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"epoch\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"MetricsPosted\",\"inputs\":[{\"name\":\"vendor\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"matcher\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"epoch\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"agentsMatched\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"impressionsSent\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"redemptions\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"buckets\",\"type\":\"bytes\",\"indexed\":false,\"internalType\":\"bytes\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"CountsDecreased\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"StaleEpoch\",\"inputs\":[{\"name\":\"epoch\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"last\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]}]",
	ID:  "MetricsLedger",
	Bin: "0x60a0604052348015600e575f5ffd5b506040516108d93803806108d9833981016040819052602b91603b565b6001600160a01b03166080526066565b5f60208284031215604a575f5ffd5b81516001600160a01b0381168114605f575f5ffd5b9392505050565b6080516108546100855f395f818161012f015261017f01526108545ff3fe608060405234801561000f575f5ffd5b5060043610610055575f3560e01c8063351a2797146100595780634b2666641461009357806362a1d063146101155780637b1039991461012a578063915b484214610169575b5f5ffd5b6100807fd4b5c0c952a2e7bb88452358efac082562a445f3c52a482d7f76ae20d64eda0881565b6040519081526020015b60405180910390f35b6100e26100a136600461052d565b5f6020818152928152604080822090935290815220546001600160401b0380821691600160401b8104821691600160801b8204811691600160c01b90041684565b604080516001600160401b039586168152938516602085015291841691830191909152909116606082015260800161008a565b6101286101233660046105be565b61017c565b005b6101517f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b03909116815260200161008a565b61008061017736600461064f565b610420565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166302c4ed356101b889898989610420565b85856040518463ffffffff1660e01b81526004016101d8939291906106d6565b602060405180830381865afa1580156101f3573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061021791906106f8565b6001600160a01b038881165f90815260208181526040808320938516835292905220805491925090600160c01b90046001600160401b031661025f6080890160608a0161072e565b6001600160401b0316116102b85761027d608088016060890161072e565b8154604051636742e21160e11b81526001600160401b039283166004820152600160c01b909104909116602482015260440160405180910390fd5b80546001600160401b03166102d0602089018961072e565b6001600160401b0316108061030d57508054600160401b90046001600160401b03166103026040890160208a0161072e565b6001600160401b0316105b8061034057508054600160801b90046001600160401b03166103356060890160408a0161072e565b6001600160401b0316105b1561035e576040516361d2335b60e01b815260040160405180910390fd5b6001600160a01b038089165f90815260208181526040808320938616835292905220879061038c8282610749565b50506001600160a01b038083169089167faafe57189e72d2039a419011fd5e82142f8167f2de0d69ff12bf94c4969221736103cd60808b0160608c0161072e565b6103da60208c018c61072e565b6103ea60408d0160208e0161072e565b6103fa60608e0160408f0161072e565b8c8c60405161040e969594939291906107ea565b60405180910390a35050505050505050565b5f7fd4b5c0c952a2e7bb88452358efac082562a445f3c52a482d7f76ae20d64eda084630876104556080890160608a0161072e565b61046260208a018a61072e565b61047260408b0160208c0161072e565b61048260608c0160408d0161072e565b8a8a604051610492929190610845565b60408051918290038220602083019a909a528101979097526001600160a01b0395861660608801529490931660808601526001600160401b0391821660a0860152811660c085015290811660e08401521661010082015261012081019190915261014001604051602081830303815290604052805190602001209050949350505050565b6001600160a01b038116811461052a575f5ffd5b50565b5f5f6040838503121561053e575f5ffd5b823561054981610516565b9150602083013561055981610516565b809150509250929050565b5f60808284031215610574575f5ffd5b50919050565b5f5f83601f84011261058a575f5ffd5b5081356001600160401b038111156105a0575f5ffd5b6020830191508360208285010111156105b7575f5ffd5b9250929050565b5f5f5f5f5f5f60e087890312156105d3575f5ffd5b86356105de81610516565b95506105ed8860208901610564565b945060a08701356001600160401b03811115610607575f5ffd5b61061389828a0161057a565b90955093505060c08701356001600160401b03811115610631575f5ffd5b61063d89828a0161057a565b979a9699509497509295939492505050565b5f5f5f5f60c08587031215610662575f5ffd5b843561066d81610516565b935061067c8660208701610564565b925060a08501356001600160401b03811115610696575f5ffd5b6106a28782880161057a565b95989497509550505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b838152604060208201525f6106ef6040830184866106ae565b95945050505050565b5f60208284031215610708575f5ffd5b815161071381610516565b9392505050565b6001600160401b038116811461052a575f5ffd5b5f6020828403121561073e575f5ffd5b81356107138161071a565b81356107548161071a565b815460208401356107648161071a565b60408501356107728161071a565b6001600160401b0360801b8160801b166001600160401b0385166001600160401b0360c01b8516176fffffffffffffffff00000000000000008460401b1617178555505050505f60608301356107c78161071a565b82546001600160c01b031660c09190911b6001600160c01b031916179091555050565b6001600160401b03871681526001600160401b03861660208201526001600160401b03851660408201526001600160401b038416606082015260a060808201525f61083960a0830184866106ae565b98975050505050505050565b818382375f910190815291905056",
}

// MetricsLedger is an auto generated Go binding around an Ethereum contract.
type MetricsLedger struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *MetricsLedger) GetABI() abi.ABI {
	return c.abi
}

// NewMetricsLedger creates a new instance of MetricsLedger.
func NewMetricsLedger() *MetricsLedger {
	parsed, err := MetricsLedgerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &MetricsLedger{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *MetricsLedger) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry_) returns()
func (metricsLedger *MetricsLedger) PackConstructor(registry_ common.Address) []byte {
	enc, err := metricsLedger.abi.Pack("", registry_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackMETRICSTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x351a2797.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function METRICS_TYPEHASH() view returns(bytes32)
func (metricsLedger *MetricsLedger) PackMETRICSTYPEHASH() []byte {
	enc, err := metricsLedger.abi.Pack("METRICS_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMETRICSTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x351a2797.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function METRICS_TYPEHASH() view returns(bytes32)
func (metricsLedger *MetricsLedger) TryPackMETRICSTYPEHASH() ([]byte, error) {
	return metricsLedger.abi.Pack("METRICS_TYPEHASH")
}

// UnpackMETRICSTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x351a2797.
//
// Solidity: function METRICS_TYPEHASH() view returns(bytes32)
func (metricsLedger *MetricsLedger) UnpackMETRICSTYPEHASH(data []byte) ([32]byte, error) {
	out, err := metricsLedger.abi.Unpack("METRICS_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x915b4842.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function digest(address vendor, (uint64,uint64,uint64,uint64) t, bytes buckets) view returns(bytes32)
func (metricsLedger *MetricsLedger) PackDigest(vendor common.Address, t MetricsLedgerTotals, buckets []byte) []byte {
	enc, err := metricsLedger.abi.Pack("digest", vendor, t, buckets)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x915b4842.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function digest(address vendor, (uint64,uint64,uint64,uint64) t, bytes buckets) view returns(bytes32)
func (metricsLedger *MetricsLedger) TryPackDigest(vendor common.Address, t MetricsLedgerTotals, buckets []byte) ([]byte, error) {
	return metricsLedger.abi.Pack("digest", vendor, t, buckets)
}

// UnpackDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x915b4842.
//
// Solidity: function digest(address vendor, (uint64,uint64,uint64,uint64) t, bytes buckets) view returns(bytes32)
func (metricsLedger *MetricsLedger) UnpackDigest(data []byte) ([32]byte, error) {
	out, err := metricsLedger.abi.Unpack("digest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackPost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62a1d063.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function post(address vendor, (uint64,uint64,uint64,uint64) t, bytes buckets, bytes signature) returns()
func (metricsLedger *MetricsLedger) PackPost(vendor common.Address, t MetricsLedgerTotals, buckets []byte, signature []byte) []byte {
	enc, err := metricsLedger.abi.Pack("post", vendor, t, buckets, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x62a1d063.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function post(address vendor, (uint64,uint64,uint64,uint64) t, bytes buckets, bytes signature) returns()
func (metricsLedger *MetricsLedger) TryPackPost(vendor common.Address, t MetricsLedgerTotals, buckets []byte, signature []byte) ([]byte, error) {
	return metricsLedger.abi.Pack("post", vendor, t, buckets, signature)
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (metricsLedger *MetricsLedger) PackRegistry() []byte {
	enc, err := metricsLedger.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (metricsLedger *MetricsLedger) TryPackRegistry() ([]byte, error) {
	return metricsLedger.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (metricsLedger *MetricsLedger) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := metricsLedger.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTotals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b266664.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totals(address vendor, address matcher) view returns(uint64 agentsMatched, uint64 impressionsSent, uint64 redemptions, uint64 epoch)
func (metricsLedger *MetricsLedger) PackTotals(vendor common.Address, matcher common.Address) []byte {
	enc, err := metricsLedger.abi.Pack("totals", vendor, matcher)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4b266664.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totals(address vendor, address matcher) view returns(uint64 agentsMatched, uint64 impressionsSent, uint64 redemptions, uint64 epoch)
func (metricsLedger *MetricsLedger) TryPackTotals(vendor common.Address, matcher common.Address) ([]byte, error) {
	return metricsLedger.abi.Pack("totals", vendor, matcher)
}

// TotalsOutput serves as a container for the return parameters of contract
// method Totals.
type TotalsOutput struct {
	AgentsMatched   uint64
	ImpressionsSent uint64
	Redemptions     uint64
	Epoch           uint64
}

// UnpackTotals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4b266664.
//
// Solidity: function totals(address vendor, address matcher) view returns(uint64 agentsMatched, uint64 impressionsSent, uint64 redemptions, uint64 epoch)
func (metricsLedger *MetricsLedger) UnpackTotals(data []byte) (TotalsOutput, error) {
	out, err := metricsLedger.abi.Unpack("totals", data)
	outstruct := new(TotalsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.AgentsMatched = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.ImpressionsSent = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Redemptions = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	outstruct.Epoch = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	return *outstruct, nil
}

// MetricsLedgerMetricsPosted represents a MetricsPosted event raised by the MetricsLedger contract.
type MetricsLedgerMetricsPosted struct {
	Vendor          common.Address
	Matcher         common.Address
	Epoch           uint64
	AgentsMatched   uint64
	ImpressionsSent uint64
	Redemptions     uint64
	Buckets         []byte
	Raw             *types.Log // Blockchain specific contextual infos
}

const MetricsLedgerMetricsPostedEventName = "MetricsPosted"

// ContractEventName returns the user-defined event name.
func (MetricsLedgerMetricsPosted) ContractEventName() string {
	return MetricsLedgerMetricsPostedEventName
}

// UnpackMetricsPostedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event MetricsPosted(address indexed vendor, address indexed matcher, uint64 epoch, uint64 agentsMatched, uint64 impressionsSent, uint64 redemptions, bytes buckets)
func (metricsLedger *MetricsLedger) UnpackMetricsPostedEvent(log *types.Log) (*MetricsLedgerMetricsPosted, error) {
	event := "MetricsPosted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != metricsLedger.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(MetricsLedgerMetricsPosted)
	if len(log.Data) > 0 {
		if err := metricsLedger.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range metricsLedger.abi.Events[event].Inputs {
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
func (metricsLedger *MetricsLedger) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], metricsLedger.abi.Errors["CountsDecreased"].ID.Bytes()[:4]) {
		return metricsLedger.UnpackCountsDecreasedError(raw[4:])
	}
	if bytes.Equal(raw[:4], metricsLedger.abi.Errors["StaleEpoch"].ID.Bytes()[:4]) {
		return metricsLedger.UnpackStaleEpochError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// MetricsLedgerCountsDecreased represents a CountsDecreased error raised by the MetricsLedger contract.
type MetricsLedgerCountsDecreased struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CountsDecreased()
func MetricsLedgerCountsDecreasedErrorID() common.Hash {
	return common.HexToHash("0x61d2335bf4fdabd849e533838d834e16982a38a2eb6e5a50b3f76bfdd97352d1")
}

// UnpackCountsDecreasedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CountsDecreased()
func (metricsLedger *MetricsLedger) UnpackCountsDecreasedError(raw []byte) (*MetricsLedgerCountsDecreased, error) {
	out := new(MetricsLedgerCountsDecreased)
	if err := metricsLedger.abi.UnpackIntoInterface(out, "CountsDecreased", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// MetricsLedgerStaleEpoch represents a StaleEpoch error raised by the MetricsLedger contract.
type MetricsLedgerStaleEpoch struct {
	Epoch uint64
	Last  uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleEpoch(uint64 epoch, uint64 last)
func MetricsLedgerStaleEpochErrorID() common.Hash {
	return common.HexToHash("0xce85c4225d2813b50103ed0229b2e59cbf35056a7daf864f295bf12a9886a9c5")
}

// UnpackStaleEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleEpoch(uint64 epoch, uint64 last)
func (metricsLedger *MetricsLedger) UnpackStaleEpochError(raw []byte) (*MetricsLedgerStaleEpoch, error) {
	out := new(MetricsLedgerStaleEpoch)
	if err := metricsLedger.abi.UnpackIntoInterface(out, "StaleEpoch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

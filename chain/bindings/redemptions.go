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
	ABI: "[{\"type\":\"constructor\",\"inputs\":[{\"name\":\"deals_\",\"type\":\"address\",\"internalType\":\"contractIDealRegistry\"},{\"name\":\"attestation_\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"},{\"name\":\"verifier_\",\"type\":\"address\",\"internalType\":\"contractIEligibilityVerifier\"}],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"ISSUER_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"REQUIREMENTS_TYPEHASH\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"attestation\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIAttestationRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deals\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIDealRegistry\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"deployer\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"address\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"developmentKeys\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"issuerDigest\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"issuerOf\",\"inputs\":[{\"name\":\"matcher\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[{\"name\":\"x\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"nullifierUsed\",\"inputs\":[{\"name\":\"nullifier\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bool\",\"internalType\":\"bool\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"pkCid\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"postRequirements\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"reqHash\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuerX\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuerY\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"redeem\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"proof\",\"type\":\"uint256[8]\",\"internalType\":\"uint256[8]\"},{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"nullifier\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"payout\",\"type\":\"address\",\"internalType\":\"address\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"redemptions\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"\",\"type\":\"uint64\",\"internalType\":\"uint64\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"registerIssuer\",\"inputs\":[{\"name\":\"x\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"signature\",\"type\":\"bytes\",\"internalType\":\"bytes\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"requirements\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"outputs\":[{\"name\":\"reqHash\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"matcher\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"issuerX\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuerY\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"requirementsDigest\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"reqHash\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuerX\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuerY\",\"type\":\"uint256\",\"internalType\":\"uint256\"}],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"setProverKeys\",\"inputs\":[{\"name\":\"vkHash_\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"pkCid_\",\"type\":\"string\",\"internalType\":\"string\"},{\"name\":\"vkCid_\",\"type\":\"string\",\"internalType\":\"string\"}],\"outputs\":[],\"stateMutability\":\"nonpayable\"},{\"type\":\"function\",\"name\":\"verifier\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"address\",\"internalType\":\"contractIEligibilityVerifier\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"verifierVkHash\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vkCid\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"string\",\"internalType\":\"string\"}],\"stateMutability\":\"view\"},{\"type\":\"function\",\"name\":\"vkHash\",\"inputs\":[],\"outputs\":[{\"name\":\"\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}],\"stateMutability\":\"view\"},{\"type\":\"event\",\"name\":\"IssuerRegistered\",\"inputs\":[{\"name\":\"matcher\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"x\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"y\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"ProverKeys\",\"inputs\":[{\"name\":\"vkHash\",\"type\":\"bytes32\",\"indexed\":false,\"internalType\":\"bytes32\"},{\"name\":\"pkCid\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"},{\"name\":\"vkCid\",\"type\":\"string\",\"indexed\":false,\"internalType\":\"string\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"Redeemed\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"nullifier\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"payout\",\"type\":\"address\",\"indexed\":false,\"internalType\":\"address\"}],\"anonymous\":false},{\"type\":\"event\",\"name\":\"RequirementsPosted\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"indexed\":true,\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"indexed\":false,\"internalType\":\"uint64\"},{\"name\":\"reqHash\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"matcher\",\"type\":\"address\",\"indexed\":true,\"internalType\":\"address\"},{\"name\":\"issuerX\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"},{\"name\":\"issuerY\",\"type\":\"uint256\",\"indexed\":false,\"internalType\":\"uint256\"}],\"anonymous\":false},{\"type\":\"error\",\"name\":\"DealNotActive\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"KeysAlreadySet\",\"inputs\":[]},{\"type\":\"error\",\"name\":\"NoIssuer\",\"inputs\":[{\"name\":\"matcher\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NoRequirements\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"NotDeployer\",\"inputs\":[{\"name\":\"caller\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"NotMatchersIssuer\",\"inputs\":[{\"name\":\"matcher\",\"type\":\"address\",\"internalType\":\"address\"},{\"name\":\"issuerX\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"issuerY\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"NullifierUsed\",\"inputs\":[{\"name\":\"nullifier\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"RequirementsAlreadyPosted\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"matcher\",\"type\":\"address\",\"internalType\":\"address\"}]},{\"type\":\"error\",\"name\":\"SoldOut\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"StaleDay\",\"inputs\":[{\"name\":\"day\",\"type\":\"uint256\",\"internalType\":\"uint256\"},{\"name\":\"today\",\"type\":\"uint256\",\"internalType\":\"uint256\"}]},{\"type\":\"error\",\"name\":\"StaleVersion\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"version\",\"type\":\"uint64\",\"internalType\":\"uint64\"},{\"name\":\"current\",\"type\":\"uint64\",\"internalType\":\"uint64\"}]},{\"type\":\"error\",\"name\":\"UnknownDeal\",\"inputs\":[{\"name\":\"dealId\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]},{\"type\":\"error\",\"name\":\"VkHashMismatch\",\"inputs\":[{\"name\":\"given\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"},{\"name\":\"verifier\",\"type\":\"bytes32\",\"internalType\":\"bytes32\"}]}]",
	ID:  "Redemptions",
	Bin: "0x610140604052348015610010575f5ffd5b506040516118d93803806118d983398101604081905261002f91610139565b6001600160a01b0380841660805282811660a052811660c08190523360e05260408051634fe840f560e01b81529051634fe840f5916004808201926020929091908290030181865afa158015610087573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906100ab9190610183565b6101008181525050806001600160a01b0316637cc0bd316040518163ffffffff1660e01b8152600401602060405180830381865afa1580156100ef573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610113919061019a565b151561012052506101c0915050565b6001600160a01b0381168114610136575f5ffd5b50565b5f5f5f6060848603121561014b575f5ffd5b835161015681610122565b602085015190935061016781610122565b604085015190925061017881610122565b809150509250925092565b5f60208284031215610193575f5ffd5b5051919050565b5f602082840312156101aa575f5ffd5b815180151581146101b9575f5ffd5b9392505050565b60805160a05160c05160e05161010051610120516116936102465f395f61030801525f8181610355015281816106fd015261073801525f8181610456015261069601525f81816102580152610e7801525f818161029c0152818161047b01526107cd01525f818161013b0152818161091e01528181610bcd0152610c8201526116935ff3fe608060405234801561000f575f5ffd5b5060043610610132575f3560e01c80637cc0bd31116100b4578063a9e3d1af11610079578063a9e3d1af1461038a578063aa71a16514610392578063aeb4300e146103a5578063c04d32e5146103cc578063d289ad0814610411578063d5f3948814610451575f5ffd5b80637cc0bd31146103035780637d2bd56f1461032a578063913648631461033d5780639f40312414610350578063a473220214610377575f5ffd5b806334e3e249116100fa57806334e3e2491461027a5780634fe840f51461028f5780635ea1d46a1461029757806379f95ee9146102be5780637bfb9308146102f0575f5ffd5b80630f752fe81461013657806311d9c34a1461017a57806317d3899c1461020957806324b19d611461023e5780632b7ac3f314610253575b5f5ffd5b61015d7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020015b60405180910390f35b6101cb61018836600461101a565b600360208190525f9182526040909120805460018201546002830154929093015490926001600160401b03811692600160401b9091046001600160a01b03169185565b604080519586526001600160401b0390941660208601526001600160a01b03909216928401929092526060830191909152608082015260a001610171565b6102307fc82b857f010a0a3690798c700bdd15e5f257aca314f0ba5d48854bbbcfc814d081565b604051908152602001610171565b61025161024c366004611075565b610478565b005b61015d7f000000000000000000000000000000000000000000000000000000000000000081565b610282610595565b60405161017191906110c3565b6102305f5481565b61015d7f000000000000000000000000000000000000000000000000000000000000000081565b6102e06102cc36600461101a565b60056020525f908152604090205460ff1681565b6040519015158152602001610171565b6102306102fe3660046110f8565b610621565b6102e07f000000000000000000000000000000000000000000000000000000000000000081565b610251610338366004611118565b61068b565b61025161034b3660046111a6565b6107ca565b6102307f000000000000000000000000000000000000000000000000000000000000000081565b610251610385366004611230565b610bb5565b610282610f87565b6102306103a0366004611288565b610f94565b6102307f7fbdf6d08bb9e14dc04f276d28a8384c30810a2b52d9ce9175a90a83f0cbc88081565b6103fc6103da3660046112cc565b6001600160a01b03165f90815260066020526040902080546001909101549091565b60408051928352602083019190915201610171565b61043961041f36600461101a565b60046020525f90815260409020546001600160401b031681565b6040516001600160401b039091168152602001610171565b61015d7f000000000000000000000000000000000000000000000000000000000000000081565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166302c4ed356104b28787610621565b85856040518463ffffffff1660e01b81526004016104d293929190611316565b602060405180830381865afa1580156104ed573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105119190611348565b60408051808201825287815260208082018890526001600160a01b0384165f908152600690915291909120919250610549908261138b565b5060408051868152602081018690526001600160a01b038316917ff561466d4738cca9602ed90ebdc97f2ca8c88474ae46907b5e8fd56538c445cf910160405180910390a25050505050565b600280546105a2906113b1565b80601f01602080910402602001604051908101604052809291908181526020018280546105ce906113b1565b80156106195780601f106105f057610100808354040283529160200191610619565b820191905f5260205f20905b8154815290600101906020018083116105fc57829003601f168201915b505050505081565b604080517fc82b857f010a0a3690798c700bdd15e5f257aca314f0ba5d48854bbbcfc814d0602082015246918101919091523060608201526080810183905260a081018290525f9060c0016040516020818303038152906040528051906020012090505b92915050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146106db57604051630646601b60e11b81523360048201526024015b60405180910390fd5b5f54156106fb57604051630621d9c360e51b815260040160405180910390fd5b7f0000000000000000000000000000000000000000000000000000000000000000851461076457604051634472958f60e01b8152600481018690527f000000000000000000000000000000000000000000000000000000000000000060248201526044016106d2565b5f8590556001610775848683611440565b506002610783828483611440565b507f5679d84f5ad661e37e41077c28a05c389f1fd9736442227318e80740d3955be785858585856040516107bb9594939291906114fa565b60405180910390a15050505050565b5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03166302c4ed356108078a8a8a8a8a610f94565b85856040518463ffffffff1660e01b815260040161082793929190611316565b602060405180830381865afa158015610842573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906108669190611348565b6001600160a01b0381165f90815260066020526040812091925081015415801561089257508060010154155b156108bb57604051639080dca760e01b81526001600160a01b03831660048201526024016106d2565b8054861415806108cf575084816001015414155b156109065760405163479476a160e01b81526001600160a01b038316600482015260248101879052604481018690526064016106d2565b6040516351a6fad560e01b8152600481018a90525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906351a6fad59060240160e060405180830381865afa15801561096b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061098f919061154c565b80519091506001600160a01b03166109bd57604051636a196fcb60e01b8152600481018b90526024016106d2565b80602001516001600160401b0316896001600160401b031614610a13576020810151604051637c26043360e11b8152600481018c90526001600160401b03808c16602483015290911660448201526064016106d2565b5f8a815260036020526040902060018101546001600160401b03808c16911603610a7d576001810154604051637e6dafa760e01b8152600481018d90526001600160401b038c166024820152600160401b9091046001600160a01b031660448201526064016106d2565b6040518060a001604052808a81526020018b6001600160401b03168152602001856001600160a01b031681526020018981526020018881525060035f8d81526020019081526020015f205f820151815f01556020820151816001015f6101000a8154816001600160401b0302191690836001600160401b0316021790555060408201518160010160086101000a8154816001600160a01b0302191690836001600160a01b031602179055506060820151816002015560808201518160030155905050836001600160a01b03168b7f3f3796097e9c8a50710ba6934b635825f1bb0f6e170fc6aba69be9fbe785e60c8c8c8c8c604051610ba094939291906001600160401b0394909416845260208401929092526040830152606082015260800190565b60405180910390a35050505050505050505050565b6040516351a6fad560e01b8152600481018690525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906351a6fad59060240160e060405180830381865afa158015610c1a573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610c3e919061154c565b80519091506001600160a01b0316610c6c57604051636a196fcb60e01b8152600481018790526024016106d2565b60405163170da40760e21b8152600481018790527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690635c36901c90602401602060405180830381865afa158015610ccf573d5f5f3e3d5ffd5b505050506040513d601f19601f82011682018060405250810190610cf391906115ed565b610d1357604051637c9d577760e11b8152600481018790526024016106d2565b5f8681526004602052604090205460608201516001600160401b0391821691168110610d555760405163238b895d60e01b8152600481018890526024016106d2565b5f8781526003602052604090208054801580610d865750602084015160018301546001600160401b03908116911614155b15610dbb576020840151604051628956b760e21b8152600481018b90526001600160401b0390911660248201526044016106d2565b5f610dc96201518042611606565b9050808814158015610de5575080610de2896001611625565b14155b15610e0d5760405163197815c360e31b815260048101899052602481018290526044016106d2565b5f8781526005602052604090205460ff1615610e3f5760405163093b5a1d60e31b8152600481018890526024016106d2565b6040805160608101825283815260208082018a905288901b640100000000600160c01b03168a178183015290516365c0325960e01b81527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316916365c0325991610eb5918d91600401611638565b5f6040518083038186803b158015610ecb575f5ffd5b505afa158015610edd573d5f5f3e3d5ffd5b5050505f888152600560205260409020805460ff19166001908117909155610f0791508590611674565b5f8b815260046020908152604091829020805467ffffffffffffffff19166001600160401b03949094169390931790925580518981526001600160a01b038916928101929092528b917f25fba9829444894f5841b227d655733eeb686de1909c71065736e4a2a43e45c7910160405180910390a250505050505050505050565b600180546105a2906113b1565b604080517f7fbdf6d08bb9e14dc04f276d28a8384c30810a2b52d9ce9175a90a83f0cbc880602080830191909152468284015230606083015260808201979097526001600160401b039590951660a086015260c085019390935260e084019190915261010080840191909152815180840390910181526101209092019052805191012090565b5f6020828403121561102a575f5ffd5b5035919050565b5f5f83601f840112611041575f5ffd5b5081356001600160401b03811115611057575f5ffd5b60208301915083602082850101111561106e575f5ffd5b9250929050565b5f5f5f5f60608587031215611088575f5ffd5b843593506020850135925060408501356001600160401b038111156110ab575f5ffd5b6110b787828801611031565b95989497509550505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f5f60408385031215611109575f5ffd5b50508035926020909101359150565b5f5f5f5f5f6060868803121561112c575f5ffd5b8535945060208601356001600160401b03811115611148575f5ffd5b61115488828901611031565b90955093505060408601356001600160401b03811115611172575f5ffd5b61117e88828901611031565b969995985093965092949392505050565b6001600160401b03811681146111a3575f5ffd5b50565b5f5f5f5f5f5f5f60c0888a0312156111bc575f5ffd5b8735965060208801356111ce8161118f565b955060408801359450606088013593506080880135925060a08801356001600160401b038111156111fd575f5ffd5b6112098a828b01611031565b989b979a50959850939692959293505050565b6001600160a01b03811681146111a3575f5ffd5b5f5f5f5f5f6101808688031215611245575f5ffd5b8535945061012086018781111561125a575f5ffd5b602087019450359250610140860135915061016086013561127a8161121c565b809150509295509295909350565b5f5f5f5f5f60a0868803121561129c575f5ffd5b8535945060208601356112ae8161118f565b94979496505050506040830135926060810135926080909101359150565b5f602082840312156112dc575f5ffd5b81356112e78161121c565b9392505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b838152604060208201525f61132f6040830184866112ee565b95945050505050565b80516113438161121c565b919050565b5f60208284031215611358575f5ffd5b81516112e78161121c565b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b815f5b60028110156113ab5781518382015560209091019060010161138e565b50505050565b600181811c908216806113c557607f821691505b6020821081036113e357634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561143b578282111561143b57805f5260205f20601f840160051c602085101561141457505f5b90810190601f840160051c035f5b81811015611437575f83820155600101611422565b5050505b505050565b6001600160401b0383111561145757611457611363565b61146b8361146583546113b1565b836113e9565b5f601f84116001811461149c575f85156114855750838201355b5f19600387901b1c1916600186901b1783556114f3565b5f83815260208120601f198716915b828110156114cb57868501358255602094850194600190920191016114ab565b50868210156114e7575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b858152606060208201525f6115136060830186886112ee565b82810360408401526115268185876112ee565b98975050505050505050565b80516113438161118f565b80518015158114611343575f5ffd5b5f60e082840312801561155d575f5ffd5b5060405160e081016001600160401b038111828210171561158057611580611363565b60405261158c83611338565b815261159a60208401611532565b60208201526115ab60408401611532565b60408201526115bc60608401611532565b60608201526080838101519082015260a080840151908201526115e160c0840161153d565b60c08201529392505050565b5f602082840312156115fd575f5ffd5b6112e78261153d565b5f8261162057634e487b7160e01b5f52601260045260245ffd5b500490565b8082018082111561068557610685611377565b61016081016101008483376101008201835f5b600381101561166a57815183526020928301929091019060010161164b565b5050509392505050565b6001600160401b0381811683821601908111156106855761068561137756",
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

// PackDeployer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5f39488.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function deployer() view returns(address)
func (redemptions *Redemptions) PackDeployer() []byte {
	enc, err := redemptions.abi.Pack("deployer")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDeployer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd5f39488.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function deployer() view returns(address)
func (redemptions *Redemptions) TryPackDeployer() ([]byte, error) {
	return redemptions.abi.Pack("deployer")
}

// UnpackDeployer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd5f39488.
//
// Solidity: function deployer() view returns(address)
func (redemptions *Redemptions) UnpackDeployer(data []byte) (common.Address, error) {
	out, err := redemptions.abi.Unpack("deployer", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackDevelopmentKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cc0bd31.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function developmentKeys() view returns(bool)
func (redemptions *Redemptions) PackDevelopmentKeys() []byte {
	enc, err := redemptions.abi.Pack("developmentKeys")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDevelopmentKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cc0bd31.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function developmentKeys() view returns(bool)
func (redemptions *Redemptions) TryPackDevelopmentKeys() ([]byte, error) {
	return redemptions.abi.Pack("developmentKeys")
}

// UnpackDevelopmentKeys is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7cc0bd31.
//
// Solidity: function developmentKeys() view returns(bool)
func (redemptions *Redemptions) UnpackDevelopmentKeys(data []byte) (bool, error) {
	out, err := redemptions.abi.Unpack("developmentKeys", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
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

// PackPkCid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9e3d1af.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pkCid() view returns(string)
func (redemptions *Redemptions) PackPkCid() []byte {
	enc, err := redemptions.abi.Pack("pkCid")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPkCid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9e3d1af.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pkCid() view returns(string)
func (redemptions *Redemptions) TryPackPkCid() ([]byte, error) {
	return redemptions.abi.Pack("pkCid")
}

// UnpackPkCid is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9e3d1af.
//
// Solidity: function pkCid() view returns(string)
func (redemptions *Redemptions) UnpackPkCid(data []byte) (string, error) {
	out, err := redemptions.abi.Unpack("pkCid", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackPostRequirements is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91364863.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function postRequirements(bytes32 dealId, uint64 version, uint256 reqHash, uint256 issuerX, uint256 issuerY, bytes signature) returns()
func (redemptions *Redemptions) PackPostRequirements(dealId [32]byte, version uint64, reqHash *big.Int, issuerX *big.Int, issuerY *big.Int, signature []byte) []byte {
	enc, err := redemptions.abi.Pack("postRequirements", dealId, version, reqHash, issuerX, issuerY, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPostRequirements is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x91364863.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function postRequirements(bytes32 dealId, uint64 version, uint256 reqHash, uint256 issuerX, uint256 issuerY, bytes signature) returns()
func (redemptions *Redemptions) TryPackPostRequirements(dealId [32]byte, version uint64, reqHash *big.Int, issuerX *big.Int, issuerY *big.Int, signature []byte) ([]byte, error) {
	return redemptions.abi.Pack("postRequirements", dealId, version, reqHash, issuerX, issuerY, signature)
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
// Solidity: function requirements(bytes32 dealId) view returns(uint256 reqHash, uint64 version, address matcher, uint256 issuerX, uint256 issuerY)
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
// Solidity: function requirements(bytes32 dealId) view returns(uint256 reqHash, uint64 version, address matcher, uint256 issuerX, uint256 issuerY)
func (redemptions *Redemptions) TryPackRequirements(dealId [32]byte) ([]byte, error) {
	return redemptions.abi.Pack("requirements", dealId)
}

// RequirementsOutput serves as a container for the return parameters of contract
// method Requirements.
type RequirementsOutput struct {
	ReqHash *big.Int
	Version uint64
	Matcher common.Address
	IssuerX *big.Int
	IssuerY *big.Int
}

// UnpackRequirements is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x11d9c34a.
//
// Solidity: function requirements(bytes32 dealId) view returns(uint256 reqHash, uint64 version, address matcher, uint256 issuerX, uint256 issuerY)
func (redemptions *Redemptions) UnpackRequirements(data []byte) (RequirementsOutput, error) {
	out, err := redemptions.abi.Unpack("requirements", data)
	outstruct := new(RequirementsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.ReqHash = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Version = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Matcher = *abi.ConvertType(out[2], new(common.Address)).(*common.Address)
	outstruct.IssuerX = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.IssuerY = abi.ConvertType(out[4], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackRequirementsDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaa71a165.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requirementsDigest(bytes32 dealId, uint64 version, uint256 reqHash, uint256 issuerX, uint256 issuerY) view returns(bytes32)
func (redemptions *Redemptions) PackRequirementsDigest(dealId [32]byte, version uint64, reqHash *big.Int, issuerX *big.Int, issuerY *big.Int) []byte {
	enc, err := redemptions.abi.Pack("requirementsDigest", dealId, version, reqHash, issuerX, issuerY)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequirementsDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaa71a165.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requirementsDigest(bytes32 dealId, uint64 version, uint256 reqHash, uint256 issuerX, uint256 issuerY) view returns(bytes32)
func (redemptions *Redemptions) TryPackRequirementsDigest(dealId [32]byte, version uint64, reqHash *big.Int, issuerX *big.Int, issuerY *big.Int) ([]byte, error) {
	return redemptions.abi.Pack("requirementsDigest", dealId, version, reqHash, issuerX, issuerY)
}

// UnpackRequirementsDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaa71a165.
//
// Solidity: function requirementsDigest(bytes32 dealId, uint64 version, uint256 reqHash, uint256 issuerX, uint256 issuerY) view returns(bytes32)
func (redemptions *Redemptions) UnpackRequirementsDigest(data []byte) ([32]byte, error) {
	out, err := redemptions.abi.Unpack("requirementsDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackSetProverKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d2bd56f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setProverKeys(bytes32 vkHash_, string pkCid_, string vkCid_) returns()
func (redemptions *Redemptions) PackSetProverKeys(vkHash [32]byte, pkCid string, vkCid string) []byte {
	enc, err := redemptions.abi.Pack("setProverKeys", vkHash, pkCid, vkCid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetProverKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7d2bd56f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setProverKeys(bytes32 vkHash_, string pkCid_, string vkCid_) returns()
func (redemptions *Redemptions) TryPackSetProverKeys(vkHash [32]byte, pkCid string, vkCid string) ([]byte, error) {
	return redemptions.abi.Pack("setProverKeys", vkHash, pkCid, vkCid)
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

// PackVerifierVkHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f403124.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function verifierVkHash() view returns(bytes32)
func (redemptions *Redemptions) PackVerifierVkHash() []byte {
	enc, err := redemptions.abi.Pack("verifierVkHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVerifierVkHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f403124.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function verifierVkHash() view returns(bytes32)
func (redemptions *Redemptions) TryPackVerifierVkHash() ([]byte, error) {
	return redemptions.abi.Pack("verifierVkHash")
}

// UnpackVerifierVkHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9f403124.
//
// Solidity: function verifierVkHash() view returns(bytes32)
func (redemptions *Redemptions) UnpackVerifierVkHash(data []byte) ([32]byte, error) {
	out, err := redemptions.abi.Unpack("verifierVkHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVkCid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x34e3e249.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vkCid() view returns(string)
func (redemptions *Redemptions) PackVkCid() []byte {
	enc, err := redemptions.abi.Pack("vkCid")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVkCid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x34e3e249.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vkCid() view returns(string)
func (redemptions *Redemptions) TryPackVkCid() ([]byte, error) {
	return redemptions.abi.Pack("vkCid")
}

// UnpackVkCid is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x34e3e249.
//
// Solidity: function vkCid() view returns(string)
func (redemptions *Redemptions) UnpackVkCid(data []byte) (string, error) {
	out, err := redemptions.abi.Unpack("vkCid", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackVkHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fe840f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vkHash() view returns(bytes32)
func (redemptions *Redemptions) PackVkHash() []byte {
	enc, err := redemptions.abi.Pack("vkHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVkHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4fe840f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vkHash() view returns(bytes32)
func (redemptions *Redemptions) TryPackVkHash() ([]byte, error) {
	return redemptions.abi.Pack("vkHash")
}

// UnpackVkHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4fe840f5.
//
// Solidity: function vkHash() view returns(bytes32)
func (redemptions *Redemptions) UnpackVkHash(data []byte) ([32]byte, error) {
	out, err := redemptions.abi.Unpack("vkHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
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

// RedemptionsProverKeys represents a ProverKeys event raised by the Redemptions contract.
type RedemptionsProverKeys struct {
	VkHash [32]byte
	PkCid  string
	VkCid  string
	Raw    *types.Log // Blockchain specific contextual infos
}

const RedemptionsProverKeysEventName = "ProverKeys"

// ContractEventName returns the user-defined event name.
func (RedemptionsProverKeys) ContractEventName() string {
	return RedemptionsProverKeysEventName
}

// UnpackProverKeysEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProverKeys(bytes32 vkHash, string pkCid, string vkCid)
func (redemptions *Redemptions) UnpackProverKeysEvent(log *types.Log) (*RedemptionsProverKeys, error) {
	event := "ProverKeys"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != redemptions.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RedemptionsProverKeys)
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
	Payout    common.Address
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
// Solidity: event Redeemed(bytes32 indexed dealId, uint256 nullifier, address payout)
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
	IssuerX *big.Int
	IssuerY *big.Int
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
// Solidity: event RequirementsPosted(bytes32 indexed dealId, uint64 version, uint256 reqHash, address indexed matcher, uint256 issuerX, uint256 issuerY)
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
	if bytes.Equal(raw[:4], redemptions.abi.Errors["KeysAlreadySet"].ID.Bytes()[:4]) {
		return redemptions.UnpackKeysAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["NoIssuer"].ID.Bytes()[:4]) {
		return redemptions.UnpackNoIssuerError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["NoRequirements"].ID.Bytes()[:4]) {
		return redemptions.UnpackNoRequirementsError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["NotDeployer"].ID.Bytes()[:4]) {
		return redemptions.UnpackNotDeployerError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["NotMatchersIssuer"].ID.Bytes()[:4]) {
		return redemptions.UnpackNotMatchersIssuerError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["NullifierUsed"].ID.Bytes()[:4]) {
		return redemptions.UnpackNullifierUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["RequirementsAlreadyPosted"].ID.Bytes()[:4]) {
		return redemptions.UnpackRequirementsAlreadyPostedError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["SoldOut"].ID.Bytes()[:4]) {
		return redemptions.UnpackSoldOutError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["StaleDay"].ID.Bytes()[:4]) {
		return redemptions.UnpackStaleDayError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["StaleVersion"].ID.Bytes()[:4]) {
		return redemptions.UnpackStaleVersionError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["UnknownDeal"].ID.Bytes()[:4]) {
		return redemptions.UnpackUnknownDealError(raw[4:])
	}
	if bytes.Equal(raw[:4], redemptions.abi.Errors["VkHashMismatch"].ID.Bytes()[:4]) {
		return redemptions.UnpackVkHashMismatchError(raw[4:])
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

// RedemptionsKeysAlreadySet represents a KeysAlreadySet error raised by the Redemptions contract.
type RedemptionsKeysAlreadySet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error KeysAlreadySet()
func RedemptionsKeysAlreadySetErrorID() common.Hash {
	return common.HexToHash("0xc43b3860b0e08361150a205b41499921b849aea2a9af159341311f597c2f6bf3")
}

// UnpackKeysAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error KeysAlreadySet()
func (redemptions *Redemptions) UnpackKeysAlreadySetError(raw []byte) (*RedemptionsKeysAlreadySet, error) {
	out := new(RedemptionsKeysAlreadySet)
	if err := redemptions.abi.UnpackIntoInterface(out, "KeysAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RedemptionsNoIssuer represents a NoIssuer error raised by the Redemptions contract.
type RedemptionsNoIssuer struct {
	Matcher common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoIssuer(address matcher)
func RedemptionsNoIssuerErrorID() common.Hash {
	return common.HexToHash("0x9080dca7f89217f8e881ae0c865d15f5da7a1a8982abd7cca94f2d2460a59aa2")
}

// UnpackNoIssuerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoIssuer(address matcher)
func (redemptions *Redemptions) UnpackNoIssuerError(raw []byte) (*RedemptionsNoIssuer, error) {
	out := new(RedemptionsNoIssuer)
	if err := redemptions.abi.UnpackIntoInterface(out, "NoIssuer", raw); err != nil {
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

// RedemptionsNotDeployer represents a NotDeployer error raised by the Redemptions contract.
type RedemptionsNotDeployer struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotDeployer(address caller)
func RedemptionsNotDeployerErrorID() common.Hash {
	return common.HexToHash("0x0c8cc036c9c98ca91a606f42bb4fd73acf8431b681f0e19ddaaaf88693e5c4a5")
}

// UnpackNotDeployerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotDeployer(address caller)
func (redemptions *Redemptions) UnpackNotDeployerError(raw []byte) (*RedemptionsNotDeployer, error) {
	out := new(RedemptionsNotDeployer)
	if err := redemptions.abi.UnpackIntoInterface(out, "NotDeployer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RedemptionsNotMatchersIssuer represents a NotMatchersIssuer error raised by the Redemptions contract.
type RedemptionsNotMatchersIssuer struct {
	Matcher common.Address
	IssuerX *big.Int
	IssuerY *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotMatchersIssuer(address matcher, uint256 issuerX, uint256 issuerY)
func RedemptionsNotMatchersIssuerErrorID() common.Hash {
	return common.HexToHash("0x479476a1b341e902070d2e802f5fe868bbf743dc32a0425be30444d60af6d6cc")
}

// UnpackNotMatchersIssuerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotMatchersIssuer(address matcher, uint256 issuerX, uint256 issuerY)
func (redemptions *Redemptions) UnpackNotMatchersIssuerError(raw []byte) (*RedemptionsNotMatchersIssuer, error) {
	out := new(RedemptionsNotMatchersIssuer)
	if err := redemptions.abi.UnpackIntoInterface(out, "NotMatchersIssuer", raw); err != nil {
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

// RedemptionsRequirementsAlreadyPosted represents a RequirementsAlreadyPosted error raised by the Redemptions contract.
type RedemptionsRequirementsAlreadyPosted struct {
	DealId  [32]byte
	Version uint64
	Matcher common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RequirementsAlreadyPosted(bytes32 dealId, uint64 version, address matcher)
func RedemptionsRequirementsAlreadyPostedErrorID() common.Hash {
	return common.HexToHash("0x7e6dafa7dfff779cd59395ee34f94d3fecd11275ace5c903f6fdcb979b17b4a3")
}

// UnpackRequirementsAlreadyPostedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RequirementsAlreadyPosted(bytes32 dealId, uint64 version, address matcher)
func (redemptions *Redemptions) UnpackRequirementsAlreadyPostedError(raw []byte) (*RedemptionsRequirementsAlreadyPosted, error) {
	out := new(RedemptionsRequirementsAlreadyPosted)
	if err := redemptions.abi.UnpackIntoInterface(out, "RequirementsAlreadyPosted", raw); err != nil {
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

// RedemptionsStaleVersion represents a StaleVersion error raised by the Redemptions contract.
type RedemptionsStaleVersion struct {
	DealId  [32]byte
	Version uint64
	Current uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StaleVersion(bytes32 dealId, uint64 version, uint64 current)
func RedemptionsStaleVersionErrorID() common.Hash {
	return common.HexToHash("0xf84c08668ddcbd5981987adae794598d49e8e3a2b464706d62f939fc29793aa5")
}

// UnpackStaleVersionError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StaleVersion(bytes32 dealId, uint64 version, uint64 current)
func (redemptions *Redemptions) UnpackStaleVersionError(raw []byte) (*RedemptionsStaleVersion, error) {
	out := new(RedemptionsStaleVersion)
	if err := redemptions.abi.UnpackIntoInterface(out, "StaleVersion", raw); err != nil {
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

// RedemptionsVkHashMismatch represents a VkHashMismatch error raised by the Redemptions contract.
type RedemptionsVkHashMismatch struct {
	Given    [32]byte
	Verifier [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VkHashMismatch(bytes32 given, bytes32 verifier)
func RedemptionsVkHashMismatchErrorID() common.Hash {
	return common.HexToHash("0x4472958fecabd7582f09a79a58750274686ea2a4610e3260d77116ff396e9126")
}

// UnpackVkHashMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VkHashMismatch(bytes32 given, bytes32 verifier)
func (redemptions *Redemptions) UnpackVkHashMismatchError(raw []byte) (*RedemptionsVkHashMismatch, error) {
	out := new(RedemptionsVkHashMismatch)
	if err := redemptions.abi.UnpackIntoInterface(out, "VkHashMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IAttestationRegistry} from "./interfaces/IAttestationRegistry.sol";

/// @title Settlement
/// @notice Private batched settlement. Agents deposit a token to an account (an address the
/// agent controls, not necessarily its wallet); payments happen inside the attested enclave's
/// ledger, which posts strictly sequential batches: the previous and new Merkle root of account
/// balances and per-vendor totals only — no payment, payer, amount or time per payment reaches
/// the chain. Each batch also commits to a Merkle root of every vendor's cumulative credit, and a
/// vendor withdraws with a proof against it: a batch writes no per-vendor storage, so its cost
/// grows with its calldata only (the per-vendor totals are in the calldata and the event, for
/// anyone to check against the roots). An idle sequencer posts heartbeat batches (no payments), so
/// a silence of `exitDelay` means the sequencer is gone, not idle; then any account exits with a Merkle proof of its balance against
/// the last root, and no batch is accepted afterwards, so none can conflict with an exit.
///
/// Leaves are keccak256(keccak256(abi.encode(address, amount))) under OpenZeppelin's sorted-pair
/// Merkle tree (accounts: balance; vendors: cumulative credit). Accounting, checked by the
/// invariant tests:
///   token held = deposited − vendorWithdrawn − exited,
///   credited + exited ≤ deposited, vendorWithdrawn ≤ credited.
contract Settlement {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;
    IAttestationRegistry public immutable attestation;
    uint64 public immutable exitDelay;

    uint256 public deposited; // all deposits ever
    uint256 public credited; // all vendor credits ever
    uint256 public vendorWithdrawn; // all vendor withdrawals ever
    uint256 public exited; // all forced exits ever

    uint64 public batchId; // the last batch posted (0: none)
    uint64 public lastBatchAt; // when the last batch (or the deployment) happened
    bytes32 public stateRoot; // Merkle root of account balances after the last batch
    bytes32 public vendorRoot; // Merkle root of vendors' cumulative credits after the last batch
    bool public exitMode; // set by the first exit: batches end

    mapping(address vendor => uint256) public withdrawnOf;
    mapping(address account => bool) public hasExited;

    bytes32 public constant BATCH_TYPEHASH = keccak256(
        "Batch(uint64 batchId,bytes32 prevRoot,bytes32 newRoot,bytes32 vendorRoot,bytes32 totalsHash,uint256 depositedSeen)"
    );

    event Deposited(address indexed account, uint256 amount);
    event BatchPosted(uint64 indexed batchId, bytes32 prevRoot, bytes32 newRoot, address[] vendors, uint256[] totals, address sequencer);
    event Withdrawn(address indexed vendor, uint256 amount);
    event Exited(address indexed account, uint256 amount);

    error ZeroAmount();
    error WrongBatch(uint64 batchId, uint64 expected);
    error WrongPrevRoot(bytes32 prevRoot, bytes32 stateRoot);
    error Mismatch();
    error OverDeposits(uint256 credited, uint256 deposited);
    error StaleDeposits(uint256 seen, uint256 deposited);
    error ExitMode();
    error SequencerAlive(uint64 exitAfter);
    error AlreadyExited(address account);
    error BadProof();
    error NothingToWithdraw(address vendor);

    constructor(IERC20 token_, IAttestationRegistry attestation_, uint64 exitDelay_) {
        token = token_;
        attestation = attestation_;
        exitDelay = exitDelay_;
        lastBatchAt = uint64(block.timestamp);
    }

    /// @notice Deposits `amount` for `account` (the ledger credits it from this event).
    function deposit(address account, uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        if (exitMode) revert ExitMode();
        deposited += amount;
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Deposited(account, amount);
    }

    /// @notice A batch's header. `depositedSeen` is the deposit total the ledger had counted: a
    /// batch built on deposits the chain has not seen is refused.
    struct Batch {
        uint64 id;
        bytes32 prevRoot;
        bytes32 newRoot;
        bytes32 vendorRoot;
        uint256 depositedSeen;
    }

    /// @notice What the sequencer signs for a batch.
    function batchDigest(Batch calldata b, address[] calldata vendors, uint256[] calldata totals) public view returns (bytes32) {
        bytes32 totalsHash = keccak256(abi.encode(vendors, totals));
        return keccak256(
            abi.encode(
                BATCH_TYPEHASH, block.chainid, address(this), b.id, b.prevRoot, b.newRoot, b.vendorRoot, totalsHash, b.depositedSeen
            )
        );
    }

    /// @notice Posts the next batch, signed by a registered, unexpired sequencer (matcher) key.
    function postBatch(Batch calldata b, address[] calldata vendors, uint256[] calldata totals, bytes calldata signature)
        external
    {
        if (exitMode) revert ExitMode();
        if (b.id != batchId + 1) revert WrongBatch(b.id, batchId + 1);
        if (b.prevRoot != stateRoot) revert WrongPrevRoot(b.prevRoot, stateRoot);
        if (vendors.length != totals.length) revert Mismatch();
        if (b.depositedSeen > deposited) revert StaleDeposits(b.depositedSeen, deposited);
        address sequencer = attestation.requireMatcherSignature(batchDigest(b, vendors, totals), signature);
        uint256 c = credited + _sum(totals);
        if (c + exited > b.depositedSeen) revert OverDeposits(c + exited, b.depositedSeen);
        credited = c;
        batchId = b.id;
        stateRoot = b.newRoot;
        vendorRoot = b.vendorRoot;
        lastBatchAt = uint64(block.timestamp);
        emit BatchPosted(b.id, b.prevRoot, b.newRoot, vendors, totals, sequencer);
    }

    function _sum(uint256[] calldata totals) private pure returns (uint256 sum) {
        for (uint256 i = 0; i < totals.length; i++) {
            sum += totals[i];
        }
    }

    /// @notice Pays a vendor what batches credited it (`cumulative`, proven against the last
    /// vendor root) and it has not been paid yet. Anyone may submit (a relayer pays the gas);
    /// the funds go to the vendor.
    function withdraw(address vendor, uint256 cumulative, bytes32[] calldata proof) external {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(vendor, cumulative))));
        if (!MerkleProof.verifyCalldata(proof, vendorRoot, leaf)) revert BadProof();
        if (cumulative <= withdrawnOf[vendor]) revert NothingToWithdraw(vendor);
        uint256 amount = cumulative - withdrawnOf[vendor];
        if (vendorWithdrawn + amount > credited) revert OverDeposits(vendorWithdrawn + amount, credited);
        withdrawnOf[vendor] += amount;
        vendorWithdrawn += amount;
        token.safeTransfer(vendor, amount);
        emit Withdrawn(vendor, amount);
    }

    /// @notice Forced exit once the sequencer has been silent for `exitDelay`: pays `account`
    /// its balance in the last state root. Anyone may submit; the funds go to the account.
    function exit(address account, uint256 balance, bytes32[] calldata proof) external {
        uint64 exitAfter = lastBatchAt + exitDelay;
        if (block.timestamp < exitAfter) revert SequencerAlive(exitAfter);
        if (balance == 0) revert ZeroAmount(); // nothing to return: an empty account cannot end batches
        if (hasExited[account]) revert AlreadyExited(account);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, balance))));
        if (!MerkleProof.verifyCalldata(proof, stateRoot, leaf)) revert BadProof();
        if (credited + exited + balance > deposited) revert OverDeposits(credited + exited + balance, deposited);
        exitMode = true;
        hasExited[account] = true;
        exited += balance;
        token.safeTransfer(account, balance);
        emit Exited(account, balance);
    }
}

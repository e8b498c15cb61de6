// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The few Foundry cheatcodes the deployment script uses (no forge-std here).
interface ScriptVm {
    function addr(uint256 privateKey) external pure returns (address);
    function startBroadcast(uint256 privateKey) external;
    function stopBroadcast() external;
    function envUint(string calldata name) external view returns (uint256);
    function envOr(string calldata name, uint256 defaultValue) external view returns (uint256);
    function envOr(string calldata name, address defaultValue) external view returns (address);
    function envOr(string calldata name, string calldata defaultValue) external view returns (string memory);
    function envOr(string calldata name, bytes32 defaultValue) external view returns (bytes32);
    function envString(string calldata name, string calldata delim) external view returns (string[] memory);
    function envBytes(string calldata name, string calldata delim) external view returns (bytes[] memory);
    function envBool(string calldata name, string calldata delim) external view returns (bool[] memory);
    function envExists(string calldata name) external view returns (bool);
    function serializeAddress(string calldata objectKey, string calldata valueKey, address value) external returns (string memory);
    function serializeUint(string calldata objectKey, string calldata valueKey, uint256 value) external returns (string memory);
    function serializeString(string calldata objectKey, string calldata valueKey, string calldata value) external returns (string memory);
    function serializeBytes32(string calldata objectKey, string calldata valueKey, bytes32 value) external returns (string memory);
    function serializeBool(string calldata objectKey, string calldata valueKey, bool value) external returns (string memory);
    function writeJson(string calldata json, string calldata path) external;
    function toString(uint256 value) external pure returns (string memory);
    function toString(bytes32 value) external pure returns (string memory);
    function deployCode(string calldata artifactPath) external returns (address deployed);
}

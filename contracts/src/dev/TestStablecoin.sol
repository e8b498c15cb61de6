// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestStablecoin
/// @notice A 6-decimal dollar token for development chains only: anyone may mint.
contract TestStablecoin is ERC20 {
    constructor() ERC20("Bazaar Test Dollar", "tUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints to anyone (development only).
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "./utils/Test.sol";
import {RSAPSS} from "../src/lib/RSAPSS.sol";
import {X509} from "../src/lib/X509.sol";
import {AmdMilanFixtures as F} from "./fixtures/AmdMilanFixtures.sol";

/// @notice Real AMD chains (ARK signs ASK, ASK signs the sample VCEK), and a fresh RSA-4096 key
/// from Go's crypto/rsa signing "bazaar rsa-pss test message" with PSS salt 48, PSS salt 32 and
/// PKCS#1 v1.5 (SHA-384), so only the padding differs between the cases.
contract RSAPSSTest is Test {
    bytes internal constant N = hex"bc3bb45d6e0f2f6eef3b6901eabde0b2cfd5152edd94cd7dc0919ce8e3b7cd789eb6b6ec4a509136467c9f913b57021c546512f4357c9ae9a06a948a851b5a9a555ea1395be2e7cba527d4374f9eda171f1482cfe35677e4536410b28f1745af858674697edb3efc81028f1906ca8d4ab8bff555f7a1962eda7bbfdd5a828c6151caa0081e4e8d4171c16b3161b84735fbb21e1044f1bc4b45ca7b559e5a068ce4a1c7cded2b49af71c4278b17094482e9ff1c42e6c21cb7ae75f0b34085e99f115cb9ee5b1ee8b139ccecf4086b0a0f6aeaf59fb71eea1340b97aad73a96114ad3bbbeff941e64e1e84d69576a4dcc12019730af0632844049b4806c67c72ccd85420718012304adf98db5a37103720996b600ad00ad7cd5860ac6f45e87ba02aa69d27717bc770786dc0054a0de275b204af01ba07b757fe2ffcdb7fa91139954445f321b4c007437769a257431770adaf33d3081d938fdd7be83e46c25f036a19d988fbbcb013fc7c3d370367816051e314e165eadc5abe53cd94a6d1e2e17e62dfdd075ea1484b304d6e9ac84142760034467d6f1b13f13157ac5df931e0812801a4c898fc7b4ad2da4c2b3fc3dcd453fc103b46afd516c6ba8421a570bd1743c01fd3dd39ba5d61a9bfa247567ec34275c7316866034cea3559eb0a48f2c13298f8b08af2538e3694753880ed4f60148c787ec74de9ceb3eabe8c94f02f";
    bytes internal constant SIG_PSS48 = hex"a5c71db1c339e18eda7f304f2534d216fb275cf491bab7d9d455548407c5426a1f45b774453cdc6027e0d8707d2f957ad429b45a1664049b35fa1a5fe0b36ac5a6bac25c789b6d01b2711ca8cc9a09a15584770685c94e341ffdcd2189ec9220f3a7a2729e4c993972a3c96db2b87e7ab9a69547001437dbafd9f29b2b18bd1f9d65b2bb1a4ed1f3b18ff19e2276e3a4e858f3a49bc48dac36cb9eba8f278cd9eb90f4de6df7f79cc9f22d405d3ec21491549b01c51394bf4b467f20eb16e2b2f391cad63c42000978052320bb98dde8ff78abb6f7303fdf3ef88772e788649b9f0ee510772dc1afd9416f8458a374067cc89793994a8c9dda67d1e9f06b6bf5bc279a7a4a29cd94163bc069ddd72c0325cd4448adf46bbaef7c54ed9a2ecba75cd7be4e7b7cd4748bd4264a2445df0444f2170a4639b23475c4228ed72b23457725635f43e9fc6dbce332e86e96a11d4d555b0b30d9a5100cb1b7739828a9bd5ab37b4e83945dea809a6e13998c48d0dbc1bf0ed98b51ea181c61d16ecda24d6675c4da93112f5bb2a1778f2c984b2d5e81bacc121a9a1be9ff79422e180a1114007fd88abd4ecc0c1d5756644a723702ae2c3c540b77d2674f51c34ad588235a252ac94a52a6e51d4e14549459b897b32c440e023ff21704405d013ee25920eba08333308610954cef55fbf2c354f897c20c61dc75d8213623adc3f29383b1";
    bytes internal constant SIG_PSS32 = hex"67109d4a9de7d30afeca06d95651b22158c3448962b5777fb12d8a6815e10cdef13860d67e4e4a4955b647e9235c5bbe8539df24c11f780c2d709503579780a1d8173173bb153c0a5e032a177842d75bc55b5e37963a23182ee97ef63341ee502bffea446879ea47d21e0218116aca4973b1650be4db39d68066d4db7b303bba1fc34e9e0629d529bbe621e8e116b15c5a077aa60e09d097021f34592d5981da3819e0cdabda0c4e70909720950cea4f390c8c1d72068814e22454e32084dbc96f85e96bbcc2b1e1b0b19a6579a607e65ec14e4680d0d91af6554f1a84f61164b5dfe66b9ee2cf1010627e1781748fe9f06dfafe7dbae775f2ea18d0a0a6619006dbd632972aa91dca94c4ea8e2587d93c88597d01fabf777dde8f4eaaf045e6d9314f1154283218773798a21c628be4c156eb7a6e30ace73ba070f87ebf9a6a3344b56f59c860300f124ac1cedbca0b5bdcf7d45f5d2cf60d81481b673227cb3853ab49c65cd331a1d08b0f31b9f2f83f7f16e7661e9232f39def8418435b5fd511068c01b086c267c5c84964f5447dacdb87dd453f8e9612488b54995fdfd0aaeb991ba799d98acf45c2867f367904462e359a79895a6bc0f3ced9f2ba9902aa6f22efff08ec8d80b463b63458ec52479985070e339eeac82669c4740ed9e68d0e822e41e3a2b4f45283152e5aee2ee6d12237fe50d739154448ae9e941d54";
    bytes internal constant SIG_V15 = hex"676f55df72e970934bac517944fa6993a3a24cea5c073838baeb3af45ed86df6dee5e37bc19a5cada2944de7c08f6454675806d37c07c26f4260d2c22b35528db7cb02da053bfb0a0fa515b30e09d7fc1c37a9d1680d596942723600142488fc9af4cf54963c9d99f59cc4f5e14cb8061dec0b88fa9e8b66f6001ba203ca989628f3caa6377f048dda0c25ecd0de395f8fa758e21e4a94101199c2a3ff90ff7e771b3ac7df2429a56c32f0f91f8e5b92ff9ab69a5e5df7be1747be5040ef2f5fe8bc68050b2bc6d60395165b1e1f8321dadb4adfa44d59c7768bd47fc80544f40dc8ea18376f45858afbec76a2e917698f404553929ef4feae5ce23b53fdcce5f5accb264b56f7b466b7751e526216888582613f47c6cc0e660f206419bf69e86607ce949bf76725a4a02eeca5e4f79b94e4d663eeb92354fe3cdbcfc8f40bc77d07d9ecc1384e01830b65c2d91dc3089e98d94f274f2ee5fdc8183da5a63a30ccfb9c027b18966fd41dbf5f3f5f7f5f14ebcbcc92eca1aca72596837008e0921ad1ecf4e20a5012bd05e90808b58904865950724e53b771b5bdb88754c8055c2cf25bb3fffd9b1bc21d3b97f89986cd18e2175ae6f7c9f482d6d0803a0a323671bf552069276cbe6a080a87434030e5c719c3766236d4bc94b99799f8b6cf4d0fdcbde9e3ef2e073011270c2c6a24d8a1f2c3348b07c5064ea646fe61a3ff32";
    bytes internal constant MSG = "bazaar rsa-pss test message";
    bytes internal constant E = hex"010001";

    function signed(bytes memory der) internal pure returns (bytes memory tbs, bytes memory sig) {
        X509.Cert memory c = X509.parse(der);
        return (X509.tbsBytes(der, c), c.signature);
    }

    function key(bytes memory der) internal pure returns (bytes memory n, bytes memory e) {
        X509.Cert memory c = X509.parse(der);
        return X509.rsaPublicKey(der, c);
    }

    function test_Verify_MilanArkSignsAsk() public view {
        (bytes memory tbs, bytes memory sig) = signed(F.ASK);
        (bytes memory n, bytes memory e) = key(F.ARK);
        assertTrue(RSAPSS.verify(tbs, sig, n, e), "ARK signature on the ASK");
    }

    function test_Verify_MilanAskSignsVcek() public view {
        (bytes memory tbs, bytes memory sig) = signed(F.VCEK);
        (bytes memory n, bytes memory e) = key(F.ASK);
        uint256 g = gasleft();
        assertTrue(RSAPSS.verify(tbs, sig, n, e), "ASK signature on the VCEK");
        assertTrue(g - gasleft() < 6_000_000, "one RSA-4096 PSS verification under 6M gas");
    }

    function test_Verify_GoKey() public view {
        assertTrue(RSAPSS.verify(MSG, SIG_PSS48, N, E), "Go PSS-48 signature");
    }

    function test_RevertWhen_Tampered_ReturnsFalse() public view {
        (bytes memory tbs, bytes memory sig) = signed(F.VCEK);
        (bytes memory n, bytes memory e) = key(F.ASK);
        bytes memory badMsg = bytes.concat(tbs);
        badMsg[100] ^= 0x01;
        assertTrue(!RSAPSS.verify(badMsg, sig, n, e), "flipped message bit");
        bytes memory badSig = bytes.concat(sig);
        badSig[200] ^= 0x01;
        assertTrue(!RSAPSS.verify(tbs, badSig, n, e), "flipped signature bit");
        (bytes memory arkN,) = key(F.ARK);
        assertTrue(!RSAPSS.verify(tbs, sig, arkN, e), "wrong modulus (the ARK's)");
        assertTrue(!RSAPSS.verify(tbs, sig, n, hex"03"), "wrong exponent");
        assertTrue(!RSAPSS.verify(tbs, bytes.concat(hex"00", sig), n, e), "signature longer than the modulus");
        bytes memory shortSig = new bytes(sig.length - 1);
        assertTrue(!RSAPSS.verify(tbs, shortSig, n, e), "signature shorter than the modulus");
        assertTrue(!RSAPSS.verify(tbs, n, n, e), "signature equal to the modulus");
    }

    function test_RevertWhen_OtherPadding_ReturnsFalse() public view {
        assertTrue(!RSAPSS.verify(MSG, SIG_V15, N, E), "PKCS#1 v1.5 signature");
        assertTrue(!RSAPSS.verify(MSG, SIG_PSS32, N, E), "PSS with a 32-byte salt");
        assertTrue(!RSAPSS.verify("another message", SIG_PSS48, N, E), "another message");
    }

    function testFuzz_RandomMessagesNeverVerify(bytes memory m) public view {
        vm.assume(keccak256(m) != keccak256(MSG));
        assertTrue(!RSAPSS.verify(m, SIG_PSS48, N, E), "random message verified");
    }
}

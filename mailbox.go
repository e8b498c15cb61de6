package bazaar

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
)

// MailboxID is the relay address of a mailbox key: whoever holds the key can open the mailbox,
// and the id says nothing else. Agents put it in their signals.
func MailboxID(pub ed25519.PublicKey) string {
	h := sha256.Sum256(append([]byte("bazaar mailbox v1"), pub...))
	return "m" + hex.EncodeToString(h[:16])
}

// MailboxChallenge is what a client signs with its mailbox key to open mailbox at a relay that
// sent nonce; binding the mailbox id stops a signature being reused for another mailbox.
func MailboxChallenge(mailbox string, nonce []byte) []byte {
	msg := append([]byte("bazaar relay challenge v1\x00"), mailbox...)
	msg = append(msg, 0)
	return append(msg, nonce...)
}

// DemoMailboxKey is the mailbox key of a seeded demo agent, derived from its name so a person
// can listen as it. Development only: anyone can derive it.
func DemoMailboxKey(name string) ed25519.PrivateKey {
	seed := sha256.Sum256([]byte("bazaar demo mailbox key (development only): " + name))
	return ed25519.NewKeyFromSeed(seed[:])
}

// DemoMailbox is the mailbox id of a demo agent.
func DemoMailbox(name string) string {
	return MailboxID(DemoMailboxKey(name).Public().(ed25519.PublicKey))
}

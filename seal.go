package bazaar

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
)

// Sealing errors.
var (
	ErrSealedTooLarge = errors.New("payload is larger than the largest notification bucket")
	ErrUnseal         = errors.New("sealed envelope does not open under this key")
)

// NotificationBuckets are the padded sizes of sealed notifications: every envelope a relay
// carries is one of these sizes, whatever the deal says.
var NotificationBuckets = []int{512, 1024, 2048, 4096}

// SealedEnvelope is what the relay stores and forwards: an AES-256-GCM ciphertext of a padded
// payload under the signal's notification key. It names nothing.
type SealedEnvelope struct {
	V          int    `json:"v"`
	Nonce      []byte `json:"n"`
	Ciphertext []byte `json:"c"`
}

// SealNotification pads payload to the next bucket and seals it with key (32 bytes): one AEAD,
// no KEM, so sealing tens of thousands of notifications per deal stays cheap.
func SealNotification(key, payload []byte) ([]byte, error) {
	plain, err := pad(payload)
	if err != nil {
		return nil, err
	}
	aead, err := gcm(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return json.Marshal(SealedEnvelope{V: 1, Nonce: nonce, Ciphertext: aead.Seal(nil, nonce, plain, []byte("bazaar notification v1"))})
}

// OpenNotification opens an envelope sealed by SealNotification.
func OpenNotification(key, envelope []byte) ([]byte, error) {
	var env SealedEnvelope
	if err := json.Unmarshal(envelope, &env); err != nil || env.V != 1 {
		return nil, fmt.Errorf("%w: not a sealed envelope", ErrUnseal)
	}
	aead, err := gcm(key)
	if err != nil {
		return nil, err
	}
	if len(env.Nonce) != aead.NonceSize() {
		return nil, ErrUnseal
	}
	plain, err := aead.Open(nil, env.Nonce, env.Ciphertext, []byte("bazaar notification v1"))
	if err != nil {
		return nil, ErrUnseal
	}
	return unpad(plain)
}

func gcm(key []byte) (cipher.AEAD, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("notification key is %d bytes, want 32", len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// DemoNotifyKey is the notification key of a seeded demo agent, derived from its mailbox so a
// person can listen as it. Development only: anyone can derive it.
func DemoNotifyKey(mailbox string) []byte {
	k := sha256.Sum256([]byte("bazaar demo notify key (development only): " + mailbox))
	return k[:]
}

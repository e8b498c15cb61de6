package matcher

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go

	"github.com/bazaar-market/bazaar"
)

// Store keeps signals across restarts in SQLite, every row sealed with AES-256-GCM under a key
// the enclave alone holds (the SNP firmware's derived key on real hardware; a key file in the
// simulated mode). A row is addressed by an HMAC of the ephemeral id, and the id, mailbox,
// notification key and every attribute are inside the ciphertext; only the expiry time (needed
// to purge) is in the clear. Rows are bound to their address (GCM additional data), so rows
// cannot be swapped. Sealed signals already taken are remembered (by hash, until they expire)
// so a replay is refused after a restart too. The database runs in WAL mode with
// synchronous=NORMAL: a crashed process loses nothing; a power cut may lose the last commits,
// which agents restore when their signal next rotates.
type Store struct {
	db    *sql.DB
	aead  cipher.AEAD
	idKey []byte
}

// ErrStoreKey: the key does not open this store (another enclave, or a tampered file).
var ErrStoreKey = errors.New("signal store: the sealing key does not open this store (another enclave image or chip, or tampering)")

const storeCheck = "bazaar signal store v1"

// OpenStore opens (creating if needed) the store at path with the 32-byte sealing key.
func OpenStore(path string, key [32]byte) (*Store, error) {
	encKey, err := hkdf.Key(sha256.New, key[:], nil, "bazaar signal store aead", 32)
	if err != nil {
		return nil, err
	}
	idKey, err := hkdf.Key(sha256.New, key[:], nil, "bazaar signal store row id", 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		return nil, fmt.Errorf("signal store: %w", err)
	}
	db.SetMaxOpenConns(1) // one writer; the engine serialises access anyway
	s := &Store{db: db, aead: aead, idKey: idKey}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) init() error {
	for _, q := range []string{
		`CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v BLOB NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS signals (id BLOB PRIMARY KEY, expires INTEGER NOT NULL, box BLOB NOT NULL)`,
		`CREATE INDEX IF NOT EXISTS signals_expires ON signals (expires)`,
		`CREATE TABLE IF NOT EXISTS taken (hash BLOB PRIMARY KEY, expires INTEGER NOT NULL)`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			return fmt.Errorf("signal store schema: %w", err)
		}
	}
	// A sealed constant proves the key is the store's before anything is read or written.
	var check []byte
	switch err := s.db.QueryRow(`SELECT v FROM meta WHERE k = 'check'`).Scan(&check); {
	case errors.Is(err, sql.ErrNoRows):
		box, err := s.seal([]byte(storeCheck), []byte("check"))
		if err != nil {
			return err
		}
		_, err = s.db.Exec(`INSERT INTO meta (k, v) VALUES ('check', ?)`, box)
		return err
	case err != nil:
		return fmt.Errorf("signal store: %w", err)
	}
	plain, err := s.open(check, []byte("check"))
	if err != nil || string(plain) != storeCheck {
		return ErrStoreKey
	}
	return nil
}

func (s *Store) seal(plain, ad []byte) ([]byte, error) {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return s.aead.Seal(nonce, nonce, plain, ad), nil
}

func (s *Store) open(box, ad []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(box) < n+s.aead.Overhead() {
		return nil, errors.New("short row")
	}
	return s.aead.Open(nil, box[:n], box[n:], ad)
}

func (s *Store) rowID(ephemeralID string) []byte {
	m := hmac.New(sha256.New, s.idKey)
	m.Write([]byte(ephemeralID))
	return m.Sum(nil)
}

// Put stores (or replaces, by ephemeral id) a signal.
func (s *Store) Put(sig bazaar.Signal) error {
	js, err := json.Marshal(sig)
	if err != nil {
		return err
	}
	id := s.rowID(sig.EphemeralID)
	box, err := s.seal(js, id)
	if err != nil {
		return err
	}
	_, err = s.db.Exec(`INSERT INTO signals (id, expires, box) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET expires = excluded.expires, box = excluded.box`, id, sig.ExpiresAt, box)
	if err != nil {
		return fmt.Errorf("signal store: %w", err)
	}
	return nil
}

// Delete removes a signal (opt-out); an unknown id is not an error.
func (s *Store) Delete(ephemeralID string) error {
	if _, err := s.db.Exec(`DELETE FROM signals WHERE id = ?`, s.rowID(ephemeralID)); err != nil {
		return fmt.Errorf("signal store: %w", err)
	}
	return nil
}

// Take records a sealed signal's hash until expiresMs; it reports false if it was already taken.
func (s *Store) Take(hash [32]byte, expiresMs int64) (bool, error) {
	res, err := s.db.Exec(`INSERT INTO taken (hash, expires) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING`, hash[:], expiresMs)
	if err != nil {
		return false, fmt.Errorf("signal store: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Taken reports whether a sealed signal's hash was taken.
func (s *Store) Taken(hash [32]byte) (bool, error) {
	var one int
	switch err := s.db.QueryRow(`SELECT 1 FROM taken WHERE hash = ?`, hash[:]).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("signal store: %w", err)
	}
	return true, nil
}

// Load returns every signal unexpired at nowMs. A row that does not open under the key (moved
// between rows, edited, or written by another enclave) fails the load: the store is not trusted
// in part.
func (s *Store) Load(nowMs int64) ([]bazaar.Signal, error) {
	rows, err := s.db.Query(`SELECT id, box FROM signals WHERE expires > ?`, nowMs)
	if err != nil {
		return nil, fmt.Errorf("signal store: %w", err)
	}
	defer rows.Close()
	var out []bazaar.Signal
	for rows.Next() {
		var id, box []byte
		if err := rows.Scan(&id, &box); err != nil {
			return nil, fmt.Errorf("signal store: %w", err)
		}
		plain, err := s.open(box, id)
		if err != nil {
			return nil, fmt.Errorf("signal store: a row does not open (tampered or moved): %w", ErrStoreKey)
		}
		var sig bazaar.Signal
		if err := json.Unmarshal(plain, &sig); err != nil {
			return nil, fmt.Errorf("signal store: row: %w", err)
		}
		if !hmac.Equal(id, s.rowID(sig.EphemeralID)) {
			return nil, fmt.Errorf("signal store: a row is filed under another id: %w", ErrStoreKey)
		}
		out = append(out, sig)
	}
	return out, rows.Err()
}

// Purge deletes signals and taken hashes that expired by nowMs and reports how many signals.
func (s *Store) Purge(nowMs int64) (int, error) {
	res, err := s.db.Exec(`DELETE FROM signals WHERE expires <= ?`, nowMs)
	if err != nil {
		return 0, fmt.Errorf("signal store: %w", err)
	}
	if _, err := s.db.Exec(`DELETE FROM taken WHERE expires <= ?`, nowMs); err != nil {
		return 0, fmt.Errorf("signal store: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// Count is the number of stored signal rows (expired or not).
func (s *Store) Count() (int, error) {
	var n int
	err := s.db.QueryRow(`SELECT COUNT(*) FROM signals`).Scan(&n)
	return n, err
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

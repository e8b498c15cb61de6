package matcher_test

import (
	"bytes"
	"crypto/ecdh"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/matcher"
)

func mustStore(t *testing.T, path string, key [32]byte) *matcher.Store {
	t.Helper()
	s, err := matcher.OpenStore(path, key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStore_Restart: signals taken sealed survive a restart, encrypted at rest; a replay of a
// sealed signal is still refused afterwards; an opt-out stays done; expired rows are purged.
func TestStore_Restart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "signals.db")
	var key [32]byte
	rand.Read(key[:])
	hk, _ := ecdh.X25519().GenerateKey(rand.Reader)
	clock := now
	cfg := func(st *matcher.Store) matcher.Config {
		return matcher.Config{Notifier: &inbox{}, HPKEKey: hk, Store: st, Clock: func() time.Time { return clock }}
	}

	st := mustStore(t, path, key)
	e, err := matcher.New(cfg(st))
	if err != nil {
		t.Fatal(err)
	}
	var sealed [][]byte
	for i := range 6 {
		s := signal(i, "Quận 1", "high", 3)
		s.Categories = []string{"coffee"}
		s.OptOutHash = nil
		if i == 5 {
			s.ExpiresAt = now.Add(10 * time.Minute).UnixMilli() // expires before the others
		}
		b, err := matcher.SealSignal(hk.PublicKey(), s)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Intake(b); err != nil {
			t.Fatal(err)
		}
		sealed = append(sealed, b)
	}
	token := []byte("opt-out token")
	h := sha256.Sum256(token)
	withdraw := signal(9, "Quận 3", "medium", 1)
	withdraw.OptOutHash = h[:]
	if err := e.AddSignal(withdraw); err != nil {
		t.Fatal(err)
	}
	out, _ := matcher.SealOptOut(hk.PublicKey(), bazaar.OptOut{EphemeralID: withdraw.EphemeralID, Token: token})
	if err := e.Intake(out); err != nil {
		t.Fatalf("opt-out: %v", err)
	}
	if e.Signals() != 6 {
		t.Fatalf("%d signals before restart", e.Signals())
	}
	st.Close()

	// Nothing about an agent is readable in the files.
	for _, f := range []string{"signals.db", "signals.db-wal"} {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		for _, leak := range []string{"eph-", "mbox-", "Quận", "coffee", "high"} {
			if bytes.Contains(raw, []byte(leak)) {
				t.Fatalf("%s carries %q in the clear", f, leak)
			}
		}
		if bytes.Contains(raw, bazaar.DemoNotifyKey("mbox-1")) {
			t.Fatalf("%s carries a notification key in the clear", f)
		}
	}

	// Restart: the same key restores them.
	st = mustStore(t, path, key)
	defer st.Close()
	e, err = matcher.New(cfg(st))
	if err != nil {
		t.Fatal(err)
	}
	if e.Signals() != 6 {
		t.Fatalf("%d signals after restart, want 6", e.Signals())
	}
	if ids := e.MatchOnly(coffeeDeal()); len(ids) != 6 {
		t.Fatalf("restored index matches %d, want 6", len(ids))
	}
	if err := e.Intake(sealed[0]); !errors.Is(err, matcher.ErrReplayed) {
		t.Fatalf("replay after restart: %v", err)
	}
	if err := e.Intake(out); !errors.Is(err, matcher.ErrReplayed) {
		t.Fatalf("opt-out replay after restart: %v", err)
	}

	// Expiry purges the rows, not only the index.
	clock = now.Add(20 * time.Minute)
	if k := e.Expire(); k != 1 {
		t.Fatalf("expired %d, want 1", k)
	}
	if n, _ := st.Count(); n != 5 {
		t.Fatalf("%d rows after purge, want 5", n)
	}
}

// TestStore_WrongKeyOrTampered: another key cannot open the store, and rows moved between
// addresses are detected; either way the matcher refuses to start on it.
func TestStore_WrongKeyOrTampered(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "signals.db")
	var key, other [32]byte
	rand.Read(key[:])
	rand.Read(other[:])
	st := mustStore(t, path, key)
	for i := range 2 {
		if err := st.Put(signal(i, "Quận 1", "high", 3)); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	if _, err := matcher.OpenStore(path, other); !errors.Is(err, matcher.ErrStoreKey) {
		t.Fatalf("another key: %v", err)
	}

	// Swap the two rows' ciphertexts behind the store's back.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var ids [][]byte
	var boxes [][]byte
	rows, _ := db.Query(`SELECT id, box FROM signals ORDER BY id`)
	for rows.Next() {
		var id, box []byte
		rows.Scan(&id, &box)
		ids, boxes = append(ids, id), append(boxes, box)
	}
	rows.Close()
	if len(ids) != 2 {
		t.Fatalf("%d rows", len(ids))
	}
	db.Exec(`UPDATE signals SET box = ? WHERE id = ?`, boxes[1], ids[0])
	db.Exec(`UPDATE signals SET box = ? WHERE id = ?`, boxes[0], ids[1])
	db.Close()

	st = mustStore(t, path, key)
	defer st.Close()
	if _, err := matcher.New(matcher.Config{Notifier: &inbox{}, Store: st, Clock: func() time.Time { return now }}); !errors.Is(err, matcher.ErrStoreKey) {
		t.Fatalf("swapped rows: %v", err)
	}
}

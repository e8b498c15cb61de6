package main

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/opt"
	"github.com/syndtr/goleveldb/leveldb/util"

	"github.com/bazaar-market/bazaar"
)

// Deal statuses shown by the browse API.
const (
	StatusActive      = "active"
	StatusExpired     = "expired"
	StatusCancelled   = "cancelled"
	StatusSoldOut     = "sold_out"    // the vendor's document says it is out of stock
	StatusUnavailable = "unavailable" // indexed on-chain, but its document is not reachable
)

// DealView is a deal as the browse API shows it: the on-chain header, the document and status.
type DealView struct {
	DealID         string          `json:"dealId"`
	CID            string          `json:"cid"`
	Vendor         string          `json:"vendor"`
	Digest         string          `json:"digest"`
	Version        uint64          `json:"version"`
	ExpiresAt      uint64          `json:"expiresAt"`
	MaxRedemptions uint64          `json:"maxRedemptions"`
	Status         string          `json:"status"`
	Document       json.RawMessage `json:"document,omitempty"`
	Block          uint64          `json:"block"`
	TxHash         string          `json:"txHash"`
	Nonce          string          `json:"nonce,omitempty"` // the deal's salt; updates reuse it
	// FirstBlock is the block of the deal's first post: its redemptions are all after it
	// (Block is the current version's).
	FirstBlock uint64 `json:"firstBlock,omitempty"`
	// Versions are the versions this index saw, with the block each was posted in and its price:
	// an order is paid at the price of the version its redemption was made under.
	Versions []DealVersion `json:"versions,omitempty"`

	header bazaar.DealHeader
}

// DealVersion is one version of a deal: where it was posted and its price (pricing.discountedPrice).
type DealVersion struct {
	Version uint64       `json:"version"`
	Block   uint64       `json:"block"`
	Price   bazaar.Money `json:"price"`
}

// PriceAt is the price of the version in force at block (the last one posted at or before it).
func (v DealView) PriceAt(block uint64) (bazaar.Money, bool) {
	var price bazaar.Money
	found := false
	for _, ver := range v.Versions {
		if ver.Block <= block && ver.Block > 0 {
			price, found = ver.Price, true
		}
	}
	return price, found
}

// RedemptionsFrom is the first block a redemption of this deal can be in.
func (v DealView) RedemptionsFrom() uint64 {
	if v.FirstBlock > 0 {
		return v.FirstBlock
	}
	return 0 // an entry indexed before versions were kept: search from the start
}

func (v DealView) nonce() *big.Int { return v.header.Nonce }

type indexEntry struct {
	seq       uint64
	id        common.Hash
	cid       string
	header    bazaar.DealHeader
	doc       *bazaar.Deal
	raw       json.RawMessage
	cancelled bool
	removed   bool // its post left the chain in a reorg
	block     uint64
	tx        common.Hash
	first     uint64        // the block of the first post
	versions  []DealVersion // every version seen, by version
	cache     atomic.Pointer[cachedView]
}

// Index is the node's browse index, built from registry events and IPFS documents. It is
// safe for concurrent use; applying the same event twice changes nothing. It lives in memory
// for fast reads and, when opened on a directory, every change is written through to LevelDB
// so a restart resumes from where the registry watcher's checkpoint left off.
type Index struct {
	mu    sync.RWMutex
	byID  map[common.Hash]*indexEntry
	order []*indexEntry // by first post
	now   bazaar.Clock
	db    *leveldb.DB
	gen   uint64 // bumped on every change; part of ETags
	log   func(msg string, args ...any)
}

// NewIndex returns an empty in-memory index.
func NewIndex(now bazaar.Clock) *Index {
	if now == nil {
		now = time.Now
	}
	return &Index{byID: map[common.Hash]*indexEntry{}, now: now, log: func(string, ...any) {}}
}

// storedEntry is an entry's on-disk form.
type storedEntry struct {
	Seq       uint64            `json:"seq"`
	CID       string            `json:"cid"`
	Header    bazaar.DealHeader `json:"header"`
	Raw       json.RawMessage   `json:"raw,omitempty"`
	Cancelled bool              `json:"cancelled,omitempty"`
	Removed   bool              `json:"removed,omitempty"`
	Block     uint64            `json:"block"`
	Tx        common.Hash       `json:"tx"`
	First     uint64            `json:"first,omitempty"`
	Versions  []DealVersion     `json:"versions,omitempty"`
}

// OpenIndex opens (or creates) a persistent index in dir and loads it.
func OpenIndex(dir string, now bazaar.Clock, log func(string, ...any)) (*Index, error) {
	x := NewIndex(now)
	if log != nil {
		x.log = log
	}
	db, err := leveldb.OpenFile(dir, nil)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	x.db = db
	it := db.NewIterator(util.BytesPrefix([]byte("deal/")), nil)
	defer it.Release()
	for it.Next() {
		var s storedEntry
		if err := json.Unmarshal(it.Value(), &s); err != nil {
			db.Close()
			return nil, fmt.Errorf("index entry %x: %w", it.Key(), err)
		}
		e := &indexEntry{seq: s.Seq, id: common.BytesToHash(it.Key()[5:]), cid: s.CID, header: s.Header, raw: s.Raw,
			cancelled: s.Cancelled, removed: s.Removed, block: s.Block, tx: s.Tx, first: s.First, versions: s.Versions}
		if len(s.Raw) > 0 {
			if e.doc, err = bazaar.DecodeDeal(s.Raw); err != nil {
				db.Close()
				return nil, fmt.Errorf("index entry %s: %w", e.id, err)
			}
		}
		x.byID[e.id] = e
		x.order = append(x.order, e)
	}
	if err := it.Error(); err != nil {
		db.Close()
		return nil, fmt.Errorf("load index: %w", err)
	}
	slices.SortFunc(x.order, func(a, b *indexEntry) int { return cmp.Compare(a.seq, b.seq) })
	for i, e := range x.order {
		if e.seq != uint64(i)+1 {
			db.Close()
			return nil, fmt.Errorf("index is corrupt: entry %s has seq %d at position %d", e.id, e.seq, i+1)
		}
	}
	return x, nil
}

// Close closes the index's database.
func (x *Index) Close() error {
	if x.db == nil {
		return nil
	}
	return x.db.Close()
}

// persistLocked writes entries through; a write failure is logged, and the next event or a
// restart's rescan repairs it (the watcher checkpoint never passes an unhandled event).
func (x *Index) persistLocked(es ...*indexEntry) {
	x.gen++
	for _, e := range es {
		e.cache.Store(nil)
	}
	if x.db == nil {
		return
	}
	var b leveldb.Batch
	for _, e := range es {
		v, err := json.Marshal(storedEntry{Seq: e.seq, CID: e.cid, Header: e.header, Raw: e.raw, Cancelled: e.cancelled, Removed: e.removed, Block: e.block, Tx: e.tx,
			First: e.first, Versions: e.versions})
		if err != nil {
			x.log("encode index entry", "err", err)
			return
		}
		b.Put(append([]byte("deal/"), e.id[:]...), v)
	}
	if err := x.db.Write(&b, &opt.WriteOptions{Sync: false}); err != nil {
		x.log("write index", "err", err)
	}
}

// Generation changes whenever the index does.
func (x *Index) Generation() uint64 {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.gen
}

// Put records a posted or updated header with its document (nil if unreachable). Versions
// older than the stored one are ignored.
func (x *Index) Put(id common.Hash, cid string, h bazaar.DealHeader, doc *bazaar.Deal, raw []byte, block uint64, tx common.Hash) {
	x.put(id, cid, h, doc, raw, block, tx, false)
}

// Replace sets a deal's header and document whatever the stored version: reorg repair, where
// the canonical version can be lower than the one indexed.
func (x *Index) Replace(id common.Hash, cid string, h bazaar.DealHeader, doc *bazaar.Deal, raw []byte, cancelled bool) {
	x.mu.Lock()
	e := x.byID[id]
	x.mu.Unlock()
	var block uint64
	var tx common.Hash
	if e != nil {
		block, tx = e.block, e.tx
	}
	x.put(id, cid, h, doc, raw, block, tx, true)
	x.mu.Lock()
	defer x.mu.Unlock()
	if e = x.byID[id]; e != nil && e.cancelled != cancelled {
		e.cancelled = cancelled
		x.persistLocked(e)
	}
}

func (x *Index) put(id common.Hash, cid string, h bazaar.DealHeader, doc *bazaar.Deal, raw []byte, block uint64, tx common.Hash, force bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	e := x.byID[id]
	if e == nil {
		e = &indexEntry{seq: uint64(len(x.order)) + 1, id: id}
		x.byID[id] = e
		x.order = append(x.order, e)
	} else if !force && !e.removed && h.Version <= e.header.Version && e.doc != nil {
		return
	}
	nonce := e.header.Nonce
	e.cid, e.header, e.doc, e.raw, e.block, e.tx, e.removed = cid, h, doc, raw, block, tx, false
	if block > 0 && (e.first == 0 || block < e.first) {
		e.first = block
	}
	if doc != nil && block > 0 {
		rec := DealVersion{Version: h.Version, Block: block, Price: doc.Pricing.DiscountedPrice}
		i := sort.Search(len(e.versions), func(i int) bool { return e.versions[i].Version >= h.Version })
		if i < len(e.versions) && e.versions[i].Version == h.Version {
			e.versions[i] = rec
		} else {
			e.versions = append(e.versions[:i], append([]DealVersion{rec}, e.versions[i:]...)...)
		}
	}
	if e.header.Nonce == nil {
		e.header.Nonce = nonce
	}
	x.persistLocked(e)
}

// Remove hides a deal whose post left the chain in a reorg. The entry stays as a tombstone so
// page cursors keep their meaning; a later post of the same id revives it.
func (x *Index) Remove(id common.Hash) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e := x.byID[id]; e != nil && !e.removed {
		e.removed = true
		x.persistLocked(e)
	}
}

// Nonce returns a deal's salt as indexed (nil if unknown).
func (x *Index) Nonce(id common.Hash) *big.Int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if e := x.byID[id]; e != nil {
		return e.header.Nonce
	}
	return nil
}

// VendorDeals lists the ids of a vendor's indexed deals.
func (x *Index) VendorDeals(vendor common.Address) []common.Hash {
	x.mu.RLock()
	defer x.mu.RUnlock()
	var ids []common.Hash
	for _, e := range x.order {
		if e.header.Vendor == vendor && !e.removed {
			ids = append(ids, e.id)
		}
	}
	return ids
}

// Cancel marks a deal cancelled.
func (x *Index) Cancel(id common.Hash) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e := x.byID[id]; e != nil && !e.cancelled {
		e.cancelled = true
		x.persistLocked(e)
	}
}

// CancelVendor marks all of a vendor's deals cancelled (cancelAll on-chain).
func (x *Index) CancelVendor(vendor common.Address) {
	x.mu.Lock()
	defer x.mu.Unlock()
	var changed []*indexEntry
	for _, e := range x.order {
		if e.header.Vendor == vendor && !e.cancelled {
			e.cancelled = true
			changed = append(changed, e)
		}
	}
	if len(changed) > 0 {
		x.persistLocked(changed...)
	}
}

// Get returns one deal's view.
func (x *Index) Get(id common.Hash) (DealView, bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	e := x.byID[id]
	if e == nil || e.removed {
		return DealView{}, false
	}
	return x.view(e, time.Now()), true
}

func (x *Index) status(e *indexEntry, now time.Time) string {
	switch {
	case e.cancelled:
		return StatusCancelled
	case e.doc == nil:
		return StatusUnavailable
	case int64(e.header.ExpiresAt) <= now.Unix():
		return StatusExpired
	case !e.doc.Availability.InStock:
		return StatusSoldOut
	}
	return StatusActive
}

func (x *Index) view(e *indexEntry, now time.Time) DealView {
	v := DealView{
		DealID: e.id.Hex(), CID: e.cid, Vendor: e.header.Vendor.Hex(), Digest: e.header.Digest.Hex(),
		Version: e.header.Version, ExpiresAt: e.header.ExpiresAt, MaxRedemptions: e.header.MaxRedemptions,
		Status: x.status(e, now), Document: e.raw, Block: e.block, TxHash: e.tx.Hex(), header: e.header,
		FirstBlock: e.first, Versions: append([]DealVersion(nil), e.versions...),
	}
	if e.header.Nonce != nil {
		v.Nonce = e.header.Nonce.String()
	}
	return v
}

// Query selects deals for GET /deals.
type Query struct {
	Category string
	Area     string
	Vendor   string // address or vendorId
	MaxPrice bazaar.Money
	HasMax   bool
	Status   string // "" = active only; "all" = every status
	Limit    int
	Cursor   string
}

// EncodeCursor and DecodeCursor make opaque page cursors.
func EncodeCursor(seq uint64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatUint(seq, 10)))
}

func DecodeCursor(c string) (uint64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b), 10, 64)
	return n, err == nil && n > 0
}

// Find returns matching deals, newest first, and the cursor of the next page ("" at the end).
func (x *Index) Find(q Query) ([]DealView, string) {
	var out []DealView
	next := x.find(q, func(e *indexEntry, now time.Time) { out = append(out, x.view(e, now)) })
	return out, next
}

// FindJSON is Find with each deal already encoded as JSON (cached per entry and status), for
// the hot browse path.
func (x *Index) FindJSON(q Query) ([][]byte, string) {
	out := make([][]byte, 0, q.Limit)
	next := x.find(q, func(e *indexEntry, now time.Time) { out = append(out, x.viewJSON(e, now)) })
	return out, next
}

func (x *Index) find(q Query, emit func(*indexEntry, time.Time)) string {
	now := x.now()
	x.mu.RLock()
	defer x.mu.RUnlock()
	start := len(x.order)
	if q.Cursor != "" {
		if seq, ok := DecodeCursor(q.Cursor); ok && seq <= uint64(len(x.order)) {
			start = int(seq) - 1
		}
	}
	n := 0
	var last *indexEntry
	for i := start - 1; i >= 0; i-- {
		e := x.order[i]
		if !x.matches(e, q, now) {
			continue
		}
		if n == q.Limit {
			return EncodeCursor(last.seq)
		}
		emit(e, now)
		last = e
		n++
	}
	return ""
}

// cachedView is an entry's encoded DealView for one status.
type cachedView struct {
	status string
	js     []byte
}

// viewJSON returns e's encoded view, reusing the cached bytes while its status is unchanged.
// Callers hold at least the read lock; writers clear the cache under the write lock.
func (x *Index) viewJSON(e *indexEntry, now time.Time) []byte {
	st := x.status(e, now)
	if c := e.cache.Load(); c != nil && c.status == st {
		return c.js
	}
	js, err := json.Marshal(x.view(e, now))
	if err != nil {
		js = []byte("null")
	}
	e.cache.Store(&cachedView{status: st, js: js})
	return js
}

func (x *Index) matches(e *indexEntry, q Query, now time.Time) bool {
	if e.removed {
		return false
	}
	st := x.status(e, now)
	if q.Status != "all" && st != StatusActive {
		return false
	}
	d := e.doc
	if d == nil {
		return q.Category == "" && q.Area == "" && q.Vendor == "" && !q.HasMax
	}
	if q.Category != "" && !strings.EqualFold(d.Service.Category, q.Category) {
		return false
	}
	if q.Area != "" {
		if areas := d.Areas(); areas != nil && !slices.Contains(areas, q.Area) {
			return false
		}
	}
	if q.Vendor != "" && !strings.EqualFold(d.Vendor.Hex(), q.Vendor) && d.VendorID != q.Vendor {
		return false
	}
	if q.HasMax && d.Pricing.DiscountedPrice > q.MaxPrice {
		return false
	}
	return true
}

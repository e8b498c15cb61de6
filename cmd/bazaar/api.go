package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	stdlog "log"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ipfs/go-cid"

	"github.com/bazaar-market/bazaar"
	"github.com/bazaar-market/bazaar/chain"
	"github.com/bazaar-market/bazaar/ipfs"
	"github.com/bazaar-market/bazaar/matcher"
	"github.com/bazaar-market/bazaar/prover"
	"github.com/bazaar-market/bazaar/web"
)

const maxBody = 64 << 10

func (n *Node) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /deals", n.postDeal)
	mux.HandleFunc("GET /deals", n.listDeals)
	mux.HandleFunc("GET /deals/{id}", n.getDeal)
	mux.HandleFunc("PUT /deals/{id}", n.updateDeal)
	mux.HandleFunc("DELETE /deals/{id}", n.cancelDeal)
	mux.HandleFunc("POST /eip712/deal", n.typedDeal)
	mux.HandleFunc("POST /eip712/cancel", n.typedCancel)
	mux.HandleFunc("GET /metrics/{vendor}", n.vendorMetrics)
	mux.HandleFunc("GET /info", n.info)
	mux.HandleFunc("GET /attestations", n.attestations)
	mux.HandleFunc("POST /signals", n.postSignal)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", n.readyz)
	mux.HandleFunc("GET /ipfs/{cid}", n.gateway)
	mux.HandleFunc("HEAD /ipfs/{cid}", n.gateway)
	mux.Handle("GET /relay", n.hub)
	mux.HandleFunc("GET /relay/matcher", n.hub.ServeMatcher)
	mux.HandleFunc("POST /attestations/matchers", n.postMatcherEvidence)
	mux.HandleFunc("POST /redemptions", n.postRedemption)
	mux.HandleFunc("POST /credentials", n.postCredentials)
	mux.HandleFunc("POST /payments", n.postPayment)
	mux.HandleFunc("GET /settlement/vendors/{vendor}", n.vendorCredit)
	mux.HandleFunc("POST /settlement/withdrawals", n.postWithdrawal)
	mux.HandleFunc("POST /dev/deposits", n.devDeposit)
	mux.HandleFunc("POST /settlement/statements", n.statement)
	mux.HandleFunc("PUT /vendors/{vendor}/order-key", n.putOrderKey)
	mux.HandleFunc("GET /vendors/{vendor}/order-key", n.getOrderKey)
	mux.HandleFunc("POST /relay/mailboxes/{mailbox}", n.dropEnvelope)
	mux.HandleFunc("POST /eip712/order-key", n.typedOrderKey)
	mux.HandleFunc("POST /eip712/decision", n.typedDecision)
	mux.HandleFunc("GET /redemptions/tx/{tx}", n.redemptionByTx)
	mux.Handle("GET /", web.Handler())
	return accessLog(n.log, n.metrics, mux)
}

// accessLog logs and counts (m, if not nil) method, route, status and duration: never a
// client address, query string or header, so browsing leaves no trail.
func accessLog(log *slog.Logger, m *nodeMetrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		dur := time.Since(start)
		if m != nil {
			m.observeRequest(route, sw.status, dur)
		}
		log.Debug("http", "route", route, "status", sw.status, "dur", dur)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) { s.status = code; s.ResponseWriter.WriteHeader(code) }

// Hijack lets the relay take over the connection for its websocket.
func (s *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	s.status = http.StatusSwitchingProtocols
	return http.NewResponseController(s.ResponseWriter).Hijack()
}

// Unwrap lets http.ResponseController (and the websocket upgrade) reach the real writer.
func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// writeCacheable answers a public GET with an ETag over the exact body (so an expiry that
// changes a status changes the tag) and a short shared-cache lifetime; If-None-Match gets 304.
func writeCacheable(w http.ResponseWriter, r *http.Request, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, "encode", http.StatusInternalServerError)
		return
	}
	writeCacheableBytes(w, r, buf.Bytes())
}

func writeCacheableBytes(w http.ResponseWriter, r *http.Request, body []byte) {
	sum := sha256.Sum256(body)
	etag := `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=2, must-revalidate")
	h.Set("Vary", "Accept-Encoding")
	if inm := r.Header.Get("If-None-Match"); inm != "" && etagMatch(inm, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// apiError is the JSON error body: {"error":{"code","message","fields"}}.
type apiError struct {
	Error struct {
		Code    string              `json:"code"`
		Message string              `json:"message"`
		Fields  []bazaar.FieldError `json:"fields,omitempty"`
	} `json:"error"`
}

func (n *Node) fail(w http.ResponseWriter, err error) {
	var body apiError
	body.Error.Code = bazaar.ErrorCode(err)
	body.Error.Message = bazaar.ErrorMessage(err)
	var e *bazaar.Error
	if errors.As(err, &e) {
		body.Error.Fields = e.Fields
	}
	status := map[string]int{
		bazaar.ECodeInvalid: http.StatusBadRequest, bazaar.ECodeSignature: http.StatusUnauthorized,
		bazaar.ECodeNotFound: http.StatusNotFound, bazaar.ECodeConflict: http.StatusConflict,
		bazaar.ECodeTooLarge: http.StatusRequestEntityTooLarge, bazaar.ECodeUnavailable: http.StatusServiceUnavailable,
	}[body.Error.Code]
	if status == 0 {
		status = http.StatusInternalServerError
		n.log.Error("request failed", "err", err)
	}
	writeJSON(w, status, body)
}

// dealRequest is the body of POST /deals and POST /eip712/deal. Nonce, counter and version are
// optional: by default the nonce derives from the document digest, the counter is the vendor's
// current one and the version is 1.
type dealRequest struct {
	Document  json.RawMessage `json:"document"`
	Signature string          `json:"signature,omitempty"`
	Nonce     string          `json:"nonce,omitempty"`
	Counter   string          `json:"counter,omitempty"`
	DealID    string          `json:"dealId,omitempty"`  // POST /eip712/deal: typed data for an update of this deal
	Version   uint64          `json:"version,omitempty"` // updates: default the deal's version + 1
}

// preparedDeal is a validated document with the header a vendor signs for it.
type preparedDeal struct {
	deal      *bazaar.Deal
	canonical []byte
	header    bazaar.DealHeader
}

func decodeBody(r *http.Request, v any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return bazaar.Errorf(bazaar.ECodeInvalid, "read body: %v", err)
	}
	if len(body) > maxBody {
		return bazaar.Errorf(bazaar.ECodeTooLarge, "body is over %d bytes", maxBody)
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "malformed JSON body: " + err.Error()}
	}
	if dec.More() {
		return bazaar.Errorf(bazaar.ECodeInvalid, "malformed JSON body: trailing data")
	}
	return nil
}

func parseBig(field, s string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 0)
	if !ok || v.Sign() < 0 || v.BitLen() > 256 {
		return nil, &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "invalid request", Fields: []bazaar.FieldError{{Field: field, Message: "must be a uint256 (decimal or 0x-hex)"}}}
	}
	return v, nil
}

// prepare validates a document and builds the header to sign. With update set, the header
// updates that deal: same vendor and nonce, the next version (or req.Version).
func (n *Node) prepare(r *http.Request, req dealRequest, update *common.Hash) (*preparedDeal, error) {
	if len(req.Document) == 0 || string(req.Document) == "null" {
		return nil, &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "invalid request", Fields: []bazaar.FieldError{{Field: "document", Message: "is required"}}}
	}
	d, err := bazaar.DecodeDeal(req.Document)
	if err != nil {
		return nil, err
	}
	if err := d.Validate(time.Now()); err != nil {
		return nil, err
	}
	js, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode document: %w", err)
	}
	canonical, err := ipfs.Canonical(js)
	if err != nil {
		return nil, fmt.Errorf("canonical document: %w", err)
	}
	if len(canonical) > bazaar.MaxDocumentSize {
		return nil, bazaar.Errorf(bazaar.ECodeTooLarge, "document is %d bytes, over %d", len(canonical), bazaar.MaxDocumentSize)
	}
	digest := common.Hash(sha256.Sum256(canonical))
	nonce := bazaar.NonceFromDigest(digest)
	version := uint64(1)
	if update != nil {
		prev, err := n.updatable(r, *update, d)
		if err != nil {
			return nil, err
		}
		nonce, version = prev.header.Nonce, prev.header.Version+1
		if req.Version != 0 {
			version = req.Version
		}
	} else if req.Nonce != "" {
		if nonce, err = parseBig("nonce", req.Nonce); err != nil {
			return nil, err
		}
	}
	var counter *big.Int
	if req.Counter != "" {
		if counter, err = parseBig("counter", req.Counter); err != nil {
			return nil, err
		}
	} else if counter, err = n.registry.Counter(r.Context(), d.Vendor); err != nil {
		return nil, &bazaar.Error{Code: bazaar.ECodeUnavailable, Message: "chain unavailable", Err: err}
	}
	return &preparedDeal{deal: d, canonical: canonical, header: bazaar.NewHeader(d, digest, version, nonce, counter)}, nil
}

// updatable finds the deal an update or cancel refers to and checks the document's vendor.
func (n *Node) updatable(r *http.Request, id common.Hash, d *bazaar.Deal) (DealView, error) {
	v, ok := n.index.Get(id)
	if !ok || v.nonce() == nil {
		return v, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "no deal " + id.Hex(), Err: bazaar.ErrNotFound}
	}
	if d != nil && !strings.EqualFold(d.Vendor.Hex(), v.Vendor) {
		return v, &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "invalid deal document", Fields: []bazaar.FieldError{{Field: "vendor", Message: "differs from the deal's vendor " + v.Vendor}}}
	}
	return v, nil
}

func pathDealID(r *http.Request) (common.Hash, error) {
	b, err := hexutil.Decode(r.PathValue("id"))
	if err != nil || len(b) != 32 {
		return common.Hash{}, bazaar.Errorf(bazaar.ECodeInvalid, "deal id must be 0x + 64 hex digits")
	}
	return common.BytesToHash(b), nil
}

func parseSig(s string) ([]byte, error) {
	sig, err := hexutil.Decode(s)
	if err != nil || len(sig) == 0 {
		return nil, &bazaar.Error{Code: bazaar.ECodeInvalid, Message: "invalid request", Fields: []bazaar.FieldError{{Field: "signature", Message: "must be 0x-hex signature bytes"}}}
	}
	return sig, nil
}

// checkEOASignature rejects, before any chain call, a signature an EOA vendor did not make. A
// vendor with code (an EIP-1271 wallet) is left to the registry.
func (n *Node) checkEOASignature(r *http.Request, vendor common.Address, signer common.Address, rerr error) error {
	if rerr == nil && signer == vendor {
		return nil
	}
	code, err := n.backend.CodeAt(r.Context(), vendor, nil)
	if err != nil {
		return &bazaar.Error{Code: bazaar.ECodeUnavailable, Message: "chain unavailable", Err: err}
	}
	if len(code) > 0 {
		return nil
	}
	return &bazaar.Error{Code: bazaar.ECodeSignature, Message: fmt.Sprintf("signature is not by vendor %s over this request's typed data", vendor.Hex()), Err: bazaar.ErrBadSignature}
}

// updateDeal answers PUT /deals/{id}: a new, higher version signed by the vendor.
func (n *Node) updateDeal(w http.ResponseWriter, r *http.Request) {
	if n.readOnly(w) {
		return
	}
	id, err := pathDealID(r)
	if err != nil {
		n.fail(w, err)
		return
	}
	var req dealRequest
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	if req.Nonce != "" || req.DealID != "" {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "nonce and dealId come from the path on updates"))
		return
	}
	c, rcpt, p, err := n.submit(r, req, &id, n.registry.SimulateUpdate, n.registry.Update)
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"dealId": id.Hex(), "cid": c.String(), "txHash": rcpt.TxHash.Hex(), "version": p.header.Version})
}

// submit is the shared path of a post or an update: validate and build the header, check an EOA
// vendor's signature, simulate on-chain, and only then pin the document and send the
// transaction, waiting until the index has it. Every refusal happens before the pin.
func (n *Node) submit(r *http.Request, req dealRequest, update *common.Hash,
	simulate func(context.Context, *ecdsa.PrivateKey, bazaar.DealHeader, []byte) error,
	send func(context.Context, *ecdsa.PrivateKey, bazaar.DealHeader, []byte) (*types.Receipt, error),
) (cid.Cid, *types.Receipt, *preparedDeal, error) {
	p, err := n.prepare(r, req, update)
	if err != nil {
		return cid.Undef, nil, nil, err
	}
	sig, err := parseSig(req.Signature)
	if err != nil {
		return cid.Undef, nil, nil, err
	}
	signer, rerr := n.registry.Domain.RecoverDeal(p.header, sig)
	if err := n.checkEOASignature(r, p.header.Vendor, signer, rerr); err != nil {
		return cid.Undef, nil, nil, err
	}
	ctx := r.Context()
	if err := simulate(ctx, n.relayer, p.header, sig); err != nil {
		return cid.Undef, nil, nil, err
	}
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	c, err := n.ipfs.Put(pctx, p.canonical)
	cancel()
	if errors.Is(err, ipfs.ErrKubo) {
		// Pinned in Kubo first: nothing is stored here and no transaction is sent.
		n.log.Error("deal not posted: its document could not be pinned in Kubo", "err", err)
		return cid.Undef, nil, nil, &bazaar.Error{Code: bazaar.ECodeUnavailable, Err: err,
			Message: "the IPFS node (Kubo) this node pins deal documents in did not pin it; nothing was pinned or sent: try again later"}
	}
	if err != nil {
		return cid.Undef, nil, nil, fmt.Errorf("pin document: %w", err)
	}
	rcpt, err := send(ctx, n.relayer, p.header, sig)
	if err != nil {
		return cid.Undef, nil, nil, err
	}
	n.applyReceipt(ctx, rcpt)
	return c, rcpt, p, nil
}

// cancelDeal answers DELETE /deals/{id} with the vendor's EIP-712 CancelDeal signature.
func (n *Node) cancelDeal(w http.ResponseWriter, r *http.Request) {
	if n.readOnly(w) {
		return
	}
	id, err := pathDealID(r)
	if err != nil {
		n.fail(w, err)
		return
	}
	var req struct {
		Signature string `json:"signature"`
	}
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	v, err := n.updatable(r, id, nil)
	if err != nil {
		n.fail(w, err)
		return
	}
	sig, err := parseSig(req.Signature)
	if err != nil {
		n.fail(w, err)
		return
	}
	vendor := common.HexToAddress(v.Vendor)
	signer, rerr := n.registry.Domain.RecoverCancel(id, sig)
	if err := n.checkEOASignature(r, vendor, signer, rerr); err != nil {
		n.fail(w, err)
		return
	}
	ctx := r.Context()
	if err := n.registry.SimulateCancel(ctx, n.relayer, id, sig); err != nil {
		n.fail(w, err)
		return
	}
	rcpt, err := n.registry.Cancel(ctx, n.relayer, id, sig)
	if err != nil {
		n.fail(w, err)
		return
	}
	n.applyReceipt(ctx, rcpt)
	writeJSON(w, http.StatusOK, map[string]any{"dealId": id.Hex(), "txHash": rcpt.TxHash.Hex(), "status": StatusCancelled})
}

// typedCancel answers POST /eip712/cancel {"dealId"} with the CancelDeal typed data.
func (n *Node) typedCancel(w http.ResponseWriter, r *http.Request) {
	if n.readOnly(w) {
		return
	}
	var req struct {
		DealID string `json:"dealId"`
	}
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	b, err := hexutil.Decode(req.DealID)
	if err != nil || len(b) != 32 {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "dealId must be 0x + 64 hex digits"))
		return
	}
	id := common.BytesToHash(b)
	if _, err := n.updatable(r, id, nil); err != nil {
		n.fail(w, err)
		return
	}
	js, err := chain.WalletJSON(n.registry.Domain.CancelTypedData(id))
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, json.RawMessage(js))
}

// applyReceipt waits until the browse index has handled the transaction's block, so the change
// is browsable when the client gets its answer. The index learns it from the registry watcher
// only, never from the receipt: that keeps reorg handling in one place.
func (n *Node) applyReceipt(ctx context.Context, rcpt *types.Receipt) {
	n.kick()
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := n.indexer.WaitFor(ctx, rcpt.BlockNumber.Uint64()); err != nil {
		n.log.Warn("index did not catch up with a mined transaction", "block", rcpt.BlockNumber, "err", err)
	}
}

// typedDeal answers POST /eip712/deal with the eth_signTypedData_v4 JSON for a document.
func (n *Node) typedDeal(w http.ResponseWriter, r *http.Request) {
	if n.readOnly(w) {
		return
	}
	var req dealRequest
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	var update *common.Hash
	if req.DealID != "" {
		b, err := hexutil.Decode(req.DealID)
		if err != nil || len(b) != 32 {
			n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "dealId must be 0x + 64 hex digits"))
			return
		}
		id := common.BytesToHash(b)
		update = &id
	}
	p, err := n.prepare(r, req, update)
	if err != nil {
		n.fail(w, err)
		return
	}
	js, err := chain.WalletJSON(n.registry.Domain.DealTypedData(p.header))
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, json.RawMessage(js))
}

// postDeal answers POST /deals: validate, check the signature, simulate, pin, post. Any refusal
// happens before the pin and the transaction, so bad input changes nothing.
func (n *Node) postDeal(w http.ResponseWriter, r *http.Request) {
	if n.readOnly(w) {
		return
	}
	var req dealRequest
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	if req.DealID != "" || req.Version != 0 {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "dealId and version are for updates (PUT /deals/{id})"))
		return
	}
	c, rcpt, p, err := n.submit(r, req, nil, n.registry.Simulate, n.registry.Post)
	if err != nil {
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{
		"dealId": p.header.DealID().Hex(), "cid": c.String(), "txHash": rcpt.TxHash.Hex(),
	})
}

func (n *Node) listDeals(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q := Query{Category: v.Get("category"), Area: v.Get("area"), Vendor: v.Get("vendor"), Status: v.Get("status"), Cursor: v.Get("cursor"), Limit: 20}
	if s := v.Get("limit"); s != "" {
		l, err := strconv.Atoi(s)
		if err != nil || l < 1 || l > 100 {
			n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "limit must be 1-100"))
			return
		}
		q.Limit = l
	}
	if s := v.Get("maxPrice"); s != "" {
		if err := q.MaxPrice.UnmarshalJSON([]byte(s)); err != nil || q.MaxPrice < 0 {
			n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "maxPrice must be a non-negative amount"))
			return
		}
		q.HasMax = true
	}
	if q.Status != "" && q.Status != "all" {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, `status must be empty (active) or "all"`))
		return
	}
	if q.Cursor != "" {
		if _, ok := DecodeCursor(q.Cursor); !ok {
			n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "bad cursor"))
			return
		}
	}
	deals, next := n.index.FindJSON(q)
	var buf bytes.Buffer
	buf.Grow(64 + len(deals)*1024)
	buf.WriteString(`{"deals":[`)
	for i, d := range deals {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(d)
	}
	buf.WriteString(`],"next":`)
	if next == "" {
		buf.WriteString("null")
	} else {
		buf.WriteString(strconv.Quote(next))
	}
	buf.WriteString("}\n")
	writeCacheableBytes(w, r, buf.Bytes())
}

func (n *Node) getDeal(w http.ResponseWriter, r *http.Request) {
	s := r.PathValue("id")
	b, err := hexutil.Decode(s)
	if err != nil || len(b) != 32 {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "deal id must be 0x + 64 hex digits"))
		return
	}
	v, ok := n.index.Get(common.BytesToHash(b))
	if !ok {
		n.fail(w, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "no deal " + s, Err: bazaar.ErrNotFound})
		return
	}
	writeCacheable(w, r, v)
}

// gateway serves the trustless gateway for blocks this node holds; an unknown or malformed
// CID gets a JSON 4xx before the gateway starts a (streaming, 200) CAR answer.
func (n *Node) gateway(w http.ResponseWriter, r *http.Request) {
	c, err := cid.Decode(r.PathValue("cid"))
	if err != nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "malformed CID: %v", err))
		return
	}
	has, err := n.ipfs.Has(r.Context(), c)
	if err != nil {
		n.fail(w, err)
		return
	}
	if !has {
		n.fail(w, &bazaar.Error{Code: bazaar.ECodeNotFound, Message: "this node does not hold " + c.String(), Err: bazaar.ErrNotFound})
		return
	}
	n.ipfs.Gateway().ServeHTTP(w, r)
}

// forwardSealed hands a sealed message, still sealed, to the linked attested matcher: it alone
// can open it, and answers (if at all) in the agent's mailbox.
func (n *Node) forwardSealed(w http.ResponseWriter, sealed []byte) {
	if len(sealed) == 0 || len(sealed) > 16<<10 {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "sealed must be 1 to 16384 bytes"))
		return
	}
	if err := n.hub.ForwardSignal(sealed); err != nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "%v", err))
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "forwarded"})
}

// postSignal answers POST /signals {"sealed": base64}: an HPKE-sealed opt-in signal for the
// matcher. The node learns nothing from it; only the matcher's attested key opens it.
func (n *Node) postSignal(w http.ResponseWriter, r *http.Request) {
	if n.engine == nil && !n.cfg.ExternalMatcher {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node runs no matcher"))
		return
	}
	var req struct {
		Sealed []byte `json:"sealed"`
	}
	if err := decodeBody(r, &req); err != nil {
		n.fail(w, err)
		return
	}
	if n.engine == nil {
		n.forwardSealed(w, req.Sealed)
		return
	}
	if err := n.engine.Intake(req.Sealed); err != nil {
		if errors.Is(err, matcher.ErrNoIntake) {
			err = bazaar.Errorf(bazaar.ECodeUnavailable, "this node's matcher takes no sealed signals")
		}
		n.fail(w, err)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "accepted"})
}

// readOnly answers 503 on a mirror, which has no relayer key.
func (n *Node) readOnly(w http.ResponseWriter) bool {
	if n.relayer != nil {
		return false
	}
	n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node is a read-only mirror: post through a full node"))
	return true
}

func (n *Node) mode() string {
	switch {
	case n.cfg.Mirror:
		return "mirror"
	case n.dev != nil:
		return "dev"
	}
	return "node"
}

// vendorMetrics answers GET /metrics/{vendor} from the chain: the MetricsLedger holds what
// attested matchers signed. Without a ledger, from the in-process matcher.
func (n *Node) vendorMetrics(w http.ResponseWriter, r *http.Request) {
	s := r.PathValue("vendor")
	if !common.IsHexAddress(s) {
		n.fail(w, bazaar.Errorf(bazaar.ECodeInvalid, "vendor must be a 0x address"))
		return
	}
	if n.ledger != nil {
		m, err := n.ledger.Vendor(r.Context(), common.HexToAddress(s), n.deployment.MetricsBlock, bazaar.DefaultK)
		if err != nil {
			n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "read metrics from the chain: %v", err))
			return
		}
		// Redemptions are counted by the Redemptions contract itself.
		red, err := n.redemptionCount(r.Context(), common.HexToAddress(s))
		if err != nil {
			n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "read redemptions from the chain: %v", err))
			return
		}
		m.Redemptions = max(m.Redemptions, red)
		writeJSON(w, http.StatusOK, m.Suppress(bazaar.DefaultK))
		return
	}
	if n.engine == nil {
		n.fail(w, bazaar.Errorf(bazaar.ECodeUnavailable, "this node runs no matcher and knows no MetricsLedger"))
		return
	}
	writeJSON(w, http.StatusOK, n.engine.Metrics(common.HexToAddress(s).Hex()))
}

func (n *Node) info(w http.ResponseWriter, r *http.Request) {
	peer := []string{}
	for _, a := range n.ipfs.Addrs() {
		peer = append(peer, a.String())
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"mode":    n.mode(),
		"chainId": n.deployment.ChainID,
		"rpcUrl":  n.rpcURL,
		"contracts": map[string]any{"DealRegistry": n.deployment.DealRegistry.Hex(), "deployBlock": n.deployment.DeployBlock,
			"AttestationRegistry": n.attestAddr(), "MetricsLedger": n.ledgerAddr(), "Redemptions": n.redemptionsAddr(),
			"Settlement": n.deployment.Settlement.Hex(), "Stablecoin": n.deployment.Stablecoin.Hex()},
		"matcher":  n.matcherInfo(),
		"matchers": n.matchersInfo(),
		"prover":   n.proverInfo(r.Context()),
		"ipfs":     n.ipfsInfo(r.Context(), peer),
	})
}

// ipfsInfo is /info's "ipfs": this node's libp2p addresses; whether it pins through a Kubo RPC
// API (never its URL) and, if Kubo answers, Kubo's peer ID, where the documents can be fetched
// from as well.
func (n *Node) ipfsInfo(ctx context.Context, addrs []string) map[string]any {
	out := map[string]any{"addrs": addrs, "kuboApi": false}
	if k := n.ipfs.Kubo(); k != nil {
		out["kuboApi"] = true
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		if p, err := k.ID(ctx); err == nil {
			out["kuboPeer"] = p.ID.String()
		}
	}
	return out
}

// serverErrorLog keeps net/http's own messages (which can name a client address, e.g. TLS
// handshake errors) out of the logs except for a scrubbed line.
func serverErrorLog(log *slog.Logger) *stdlog.Logger {
	return stdlog.New(scrubWriter{log}, "", 0)
}

type scrubWriter struct{ log *slog.Logger }

var addrRE = regexp.MustCompile(`\[?[0-9a-fA-F:.]+\]?:\d+`)

func (s scrubWriter) Write(p []byte) (int, error) {
	s.log.Warn("http server", "msg", addrRE.ReplaceAllString(strings.TrimSpace(string(p)), "[addr]"))
	return len(p), nil
}

func (n *Node) redemptionsAddr() string {
	if n.redemptions == nil {
		return ""
	}
	return n.redemptions.Address().Hex()
}

func (n *Node) ledgerAddr() string {
	if n.ledger == nil {
		return ""
	}
	return n.ledger.Address().Hex()
}

func (n *Node) attestAddr() string {
	if n.attest == nil {
		return ""
	}
	return n.attest.Address().Hex()
}

// linkedMetrics posts a linked matcher's signed aggregates to the MetricsLedger (the relayer
// pays; the contract checks the matcher's signature and registration).
func (n *Node) linkedMetrics(_, vendor common.Address, m json.RawMessage) {
	var sm chain.SignedMetrics
	if json.Unmarshal(m, &sm) != nil || sm.Vendor != vendor || n.ledger == nil || n.relayer == nil {
		n.log.Warn("linked matcher's metrics not posted (malformed, or no ledger here)")
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := n.ledger.Post(ctx, n.relayer, sm); err != nil {
			n.log.Warn("linked matcher's metrics refused", "vendor", vendor, "err", err)
		}
	}()
}

// matchersInfo lists every matcher this node's relay reaches (sharded matchers each hold a part
// of the signal space, named in their attested key blob): agents pick the one owning their
// ephemeral id and check its key on-chain themselves.
func (n *Node) matchersInfo() []map[string]any {
	out := []map[string]any{}
	if n.engine == nil && n.cfg.ExternalMatcher {
		for _, m := range n.hub.Matchers() {
			e := map[string]any{"address": m.Address.Hex(), "hpkePublicKey": hexutil.Encode(m.HPKEKey)}
			if s, ok, err := matcher.KeyShard(m.HPKEKey); err == nil && ok {
				e["shard"] = s.String()
			}
			out = append(out, e)
		}
		return out
	}
	if n.engine != nil && n.mkeys != nil {
		out = append(out, map[string]any{"address": chain.KeyAddress(n.mkeys.signer).Hex(), "hpkePublicKey": hexutil.Encode(n.mkeys.attested())})
	}
	return out
}

func (n *Node) matcherInfo() map[string]any {
	if n.engine == nil && n.cfg.ExternalMatcher {
		ms := n.hub.Matchers()
		if len(ms) == 0 {
			return map[string]any{"kind": "linked process (none connected)"}
		}
		// With sharded matchers, the one holding the start of the signal space is the credential
		// issuer and posts deals' requirements: name it here.
		for i, l := range ms {
			if sh, ok, _ := matcher.KeyShard(l.HPKEKey); !ok || sh.Lo == 0 {
				ms[0], ms[i] = ms[i], ms[0]
				break
			}
		}
		m := map[string]any{"kind": "linked process (registration checked on-chain by the relay)",
			"address": ms[0].Address.Hex(), "hpkePublicKey": hexutil.Encode(ms[0].HPKEKey)}
		if n.redemptions != nil {
			if x, y, err := n.redemptions.IssuerOf(context.Background(), ms[0].Address); err == nil && x.Sign() != 0 {
				m["issuerKey"] = hexutil.Encode(prover.IssuerKeyFromPoint(x, y))
			}
		}
		if rec, err := n.attest.Matcher(context.Background(), ms[0].Address); err == nil && rec.TestOnly {
			m["attestation"] = "SIMULATED SEV-SNP (development only: go-sev-guest test root)"
		}
		return m
	}
	if n.engine == nil {
		return map[string]any{"kind": "none (mirror)"}
	}
	m := map[string]any{"kind": "plain process"}
	if n.mkeys != nil {
		m["address"] = chain.KeyAddress(n.mkeys.signer).Hex()
		m["hpkePublicKey"] = hexutil.Encode(n.mkeys.attested())
	}
	if n.snp != nil {
		m["attestation"] = "SIMULATED SEV-SNP (development only: go-sev-guest test root)"
	}
	if n.issuer != nil {
		m["issuerKey"] = hexutil.Encode(n.issuer.PublicKey())
	}
	return m
}

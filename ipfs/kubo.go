package ipfs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/ipfs/boxo/ipld/merkledag"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/multiformats/go-multiaddr"
	"github.com/multiformats/go-multicodec"
	"github.com/multiformats/go-multihash"
)

// Errors of the Kubo RPC client; test with errors.Is.
var (
	// ErrKubo: a call to the Kubo RPC API failed: no answer, an error answer or one that is not
	// what the endpoint returns. Every *KuboError wraps it.
	ErrKubo = errors.New("ipfs: Kubo RPC API call failed")
	// ErrKuboCID: Kubo stored a block under another CID than ours (another codec or hash). The
	// block was not pinned.
	ErrKuboCID = errors.New("ipfs: Kubo's CID differs from ours")
)

// KuboError is a failed call to one endpoint of a Kubo RPC API. It wraps ErrKubo and Err.
type KuboError struct {
	Endpoint string // the endpoint's URL, without query and password
	Status   int    // the HTTP status; 0 when Kubo did not answer
	Message  string // Kubo's error message, or what is wrong with its answer
	Err      error  // the transport error, ErrKuboCID, or nil
}

func (e *KuboError) Error() string {
	var b strings.Builder
	b.WriteString("kubo RPC API ")
	b.WriteString(e.Endpoint)
	if e.Status != 0 {
		fmt.Fprintf(&b, ": HTTP %d", e.Status)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *KuboError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrKubo}
	}
	return []error{ErrKubo, e.Err}
}

// maxKuboAnswer bounds the answers the client reads; the endpoints it calls answer a few KiB.
const maxKuboAnswer = 1 << 20

// Kubo is a client of a Kubo node's RPC API (`ipfs daemon`, /api/v0 on port 5001 by default)
// that copies blocks there byte for byte and pins them, so Kubo — and through it the IPFS
// network and public gateways, when it announces what it holds — serves them as well. Every
// call lasts until its context ends. It is safe for concurrent use.
type Kubo struct {
	base   *url.URL
	client *http.Client
}

// KuboPeer is what a Kubo node says about itself (POST /api/v0/id).
type KuboPeer struct {
	ID           peer.ID
	AgentVersion string // e.g. "kubo/0.43.1"
}

// NewKubo returns a client for the Kubo RPC API at api: a URL (http://127.0.0.1:5001, with
// user:password@ for Kubo's API.Authorizations) or the multiaddr Kubo prints
// (/ip4/127.0.0.1/tcp/5001). It does not contact Kubo; see ID. A nil client means a default
// one.
func NewKubo(api string, client *http.Client) (*Kubo, error) {
	u, err := kuboURL(api)
	if err != nil {
		return nil, fmt.Errorf("kubo RPC API %q: %w", api, err)
	}
	if client == nil {
		client = &http.Client{}
	}
	return &Kubo{base: u, client: client}, nil
}

func kuboURL(api string) (*url.URL, error) {
	if strings.HasPrefix(api, "/") {
		m, err := multiaddr.NewMultiaddr(api)
		if err != nil {
			return nil, err
		}
		var host string
		for _, p := range []int{multiaddr.P_IP4, multiaddr.P_IP6, multiaddr.P_DNS, multiaddr.P_DNS4, multiaddr.P_DNS6} {
			if v, err := m.ValueForProtocol(p); err == nil {
				host = v
				break
			}
		}
		port, err := m.ValueForProtocol(multiaddr.P_TCP)
		if host == "" || err != nil {
			return nil, errors.New("want a multiaddr with an IP or DNS name and a TCP port, like /ip4/127.0.0.1/tcp/5001")
		}
		return &url.URL{Scheme: "http", Host: net.JoinHostPort(host, port)}, nil
	}
	u, err := url.Parse(api)
	switch {
	case err != nil:
		return nil, err
	case u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		return nil, errors.New("want http://host:port (or https://), like http://127.0.0.1:5001")
	case u.Path != "" && u.Path != "/", u.RawQuery != "", u.Fragment != "":
		return nil, errors.New("want the API's base URL without path or query (the client adds /api/v0/...)")
	}
	u.Path = ""
	return u, nil
}

// String returns the API's base URL without its password.
func (k *Kubo) String() string { return k.base.Redacted() }

// ID asks Kubo who it is (POST /api/v0/id): a health check that also returns its peer ID.
func (k *Kubo) ID(ctx context.Context) (KuboPeer, error) {
	var out struct{ ID, AgentVersion string }
	if err := k.call(ctx, "id", nil, nil, &out); err != nil {
		return KuboPeer{}, err
	}
	id, err := peer.Decode(out.ID)
	if err != nil {
		return KuboPeer{}, &KuboError{Endpoint: k.endpoint("id"), Status: http.StatusOK, Message: fmt.Sprintf("answered peer ID %q", out.ID), Err: err}
	}
	return KuboPeer{ID: id, AgentVersion: out.AgentVersion}, nil
}

// Put stores doc in Kubo as a dag-json block under CID(doc) — the CID Node.Put gives — and pins
// it; it returns that CID. doc is sent as is (not re-encoded) and must be at most MaxDocSize
// bytes. When Kubo computes another CID for the bytes the block is not pinned and the error
// wraps ErrKuboCID; every failure wraps ErrKubo (or ErrTooLarge) and names the endpoint. Put is
// idempotent.
func (k *Kubo) Put(ctx context.Context, doc []byte) (cid.Cid, error) {
	if len(doc) > MaxDocSize {
		return cid.Undef, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(doc), MaxDocSize)
	}
	c := CID(doc)
	if err := k.putBlock(ctx, c, doc); err != nil {
		return cid.Undef, err
	}
	if err := k.pin(ctx, c); err != nil {
		return cid.Undef, err
	}
	return c, nil
}

// putDAG copies the UnixFS DAG under root (dag-pb and raw blocks, read with get) into Kubo
// block by block, each checked to keep its CID, then pins root recursively. Copying blocks
// rather than re-importing the file keeps the CIDs whatever Kubo's import settings are.
func (k *Kubo) putDAG(ctx context.Context, get func(context.Context, cid.Cid) (blocks.Block, error), root cid.Cid) error {
	seen := map[cid.Cid]bool{}
	pending := []cid.Cid{root}
	for len(pending) > 0 {
		c := pending[len(pending)-1]
		pending = pending[:len(pending)-1]
		if seen[c] {
			continue
		}
		seen[c] = true
		blk, err := get(ctx, c)
		if err != nil {
			return fmt.Errorf("read %s: %w", c, err)
		}
		switch c.Type() {
		case cid.Raw:
		case cid.DagProtobuf:
			nd, err := merkledag.DecodeProtobuf(blk.RawData())
			if err != nil {
				return fmt.Errorf("decode %s: %w", c, err)
			}
			for _, l := range nd.Links() {
				pending = append(pending, l.Cid)
			}
		default:
			return fmt.Errorf("copy %s to Kubo: codec %s is not UnixFS", c, multicodec.Code(c.Type()))
		}
		if err := k.putBlock(ctx, c, blk.RawData()); err != nil {
			return err
		}
	}
	return k.pin(ctx, root)
}

// putBlock stores data in Kubo with c's codec and hash function (POST /api/v0/block/put,
// unpinned) and checks that Kubo's CID is c.
func (k *Kubo) putBlock(ctx context.Context, c cid.Cid, data []byte) error {
	pre := c.Prefix()
	if pre.Version != 1 {
		return fmt.Errorf("put %s to Kubo: want a CIDv1", c)
	}
	mh, ok := multihash.Codes[pre.MhType]
	if !ok {
		return fmt.Errorf("put %s to Kubo: unknown hash function %#x", c, pre.MhType)
	}
	// Unpinned: a block Kubo files under another CID is refused, and GC may collect it.
	q := url.Values{"cid-codec": {multicodec.Code(pre.Codec).String()}, "mhtype": {mh}, "pin": {"false"}}
	var out struct{ Key string }
	if err := k.call(ctx, "block/put", q, data, &out); err != nil {
		return err
	}
	got, err := cid.Decode(out.Key)
	if err != nil {
		return &KuboError{Endpoint: k.endpoint("block/put"), Status: http.StatusOK, Message: fmt.Sprintf("answered key %q", out.Key), Err: err}
	}
	if !got.Equals(c) {
		return &KuboError{Endpoint: k.endpoint("block/put"), Status: http.StatusOK,
			Message: fmt.Sprintf("stored the block as %s, not %s", got, c), Err: ErrKuboCID}
	}
	return nil
}

// pin pins c recursively (POST /api/v0/pin/add) and checks Kubo reports it pinned.
func (k *Kubo) pin(ctx context.Context, c cid.Cid) error {
	var out struct{ Pins []string }
	if err := k.call(ctx, "pin/add", url.Values{"arg": {c.String()}, "recursive": {"true"}}, nil, &out); err != nil {
		return err
	}
	for _, p := range out.Pins {
		if pc, err := cid.Decode(p); err == nil && pc.Equals(c) {
			return nil
		}
	}
	return &KuboError{Endpoint: k.endpoint("pin/add"), Status: http.StatusOK, Message: fmt.Sprintf("pinned %q, not %s", out.Pins, c)}
}

// endpoint is the URL of /api/v0/{path} as errors show it.
func (k *Kubo) endpoint(path string) string {
	return strings.TrimSuffix(k.base.Redacted(), "/") + "/api/v0/" + path
}

// call POSTs to /api/v0/{path} (the RPC API takes only POST), with file as a multipart file
// when not nil, and decodes the JSON answer into out.
func (k *Kubo) call(ctx context.Context, path string, q url.Values, file []byte, out any) error {
	u := *k.base
	u.Path = "/api/v0/" + path
	u.RawQuery = q.Encode()
	var body io.Reader
	contentType := ""
	if file != nil {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, err := mw.CreateFormFile("file", "block")
		if err == nil {
			_, err = fw.Write(file)
		}
		if err == nil {
			err = mw.Close()
		}
		if err != nil {
			return &KuboError{Endpoint: k.endpoint(path), Message: "encode the request", Err: err}
		}
		body, contentType = &buf, mw.FormDataContentType()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), body)
	if err != nil {
		return &KuboError{Endpoint: k.endpoint(path), Err: err}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := k.client.Do(req)
	if err != nil {
		// *url.Error repeats the URL, query included; the endpoint names it already.
		if ue := (*url.Error)(nil); errors.As(err, &ue) {
			err = ue.Err
		}
		return &KuboError{Endpoint: k.endpoint(path), Err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxKuboAnswer))
	if err != nil {
		return &KuboError{Endpoint: k.endpoint(path), Status: resp.StatusCode, Message: "reading the answer", Err: err}
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Message string }
		if json.Unmarshal(raw, &e) != nil || e.Message == "" {
			e.Message = strings.TrimSpace(string(raw))
			if len(e.Message) > 200 {
				e.Message = e.Message[:200] + "…"
			}
		}
		return &KuboError{Endpoint: k.endpoint(path), Status: resp.StatusCode, Message: e.Message}
	}
	// Kubo streams answers and reports an error that happens after the 200 in a trailer.
	if msg := resp.Trailer.Get("X-Stream-Error"); msg != "" {
		return &KuboError{Endpoint: k.endpoint(path), Status: resp.StatusCode, Message: msg}
	}
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(out); err != nil {
		return &KuboError{Endpoint: k.endpoint(path), Status: resp.StatusCode, Message: fmt.Sprintf("answered %.200q", raw), Err: err}
	}
	return nil
}

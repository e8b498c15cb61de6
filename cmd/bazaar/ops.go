package main

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/bazaar-market/bazaar/chain"
)

// Operations: the node's Prometheus metrics (GET /metrics on the ops listener, --ops-listen,
// never on the public API, whose /metrics/{vendor} are vendors' aggregates), readiness
// (GET /readyz on both) and the drain that Stop runs.

// nodeMetrics are one node's Prometheus metrics, in a registry of its own (never the global
// one), so several nodes share a process without clashing. No metric has a label naming a
// client, an agent, a mailbox or a vendor.
type nodeMetrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec   // route, code
	duration *prometheus.HistogramVec // route
	match    prometheus.Histogram
	txs      *prometheus.CounterVec // method
	gasUsed  *prometheus.CounterVec // method
	gasWei   prometheus.Counter

	// Receipt look-ups for the relayer's transactions: their goroutines end with ctx.
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newNodeMetrics() *nodeMetrics {
	reg := prometheus.NewRegistry()
	m := &nodeMetrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bazaar_http_requests_total",
			Help: "Public API requests answered, by route pattern (\"unmatched\" for none) and status code."}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "bazaar_http_request_duration_seconds",
			Help: "Public API request durations by route pattern (a websocket's: until it is handed to the relay).", Buckets: prometheus.DefBuckets}, []string{"route"}),
		match: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "bazaar_match_latency_seconds",
			Help:    "In-process matcher: time to match one deal version against the signals and hand every notification to the relay.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16)}),
		txs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bazaar_relayer_transactions_total",
			Help: "Transactions sent from the node's relayer key, by contract function (Contract.function; \"deploy\" for creations)."}, []string{"method"}),
		gasUsed: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "bazaar_relayer_gas_used_total",
			Help: "Gas used by the relayer key's mined transactions (receipts' gasUsed), by contract function."}, []string{"method"}),
		gasWei: prometheus.NewCounter(prometheus.CounterOpts{Name: "bazaar_relayer_gas_spent_wei_total",
			Help: "Wei the relayer key paid for gas: the sum of receipts' gasUsed × effectiveGasPrice."}),
	}
	reg.MustRegister(m.requests, m.duration, m.match, m.txs, m.gasUsed, m.gasWei,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.ctx, m.cancel = context.WithCancel(context.Background())
	return m
}

// observeRequest counts one answered public API request.
func (m *nodeMetrics) observeRequest(route string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(d.Seconds())
}

// watchSends counts the transactions this node's relayer sends through n.backend (other
// nodes in the process, and other keys, are not ours) and, once each is mined, the gas it
// cost. It returns the function that stops watching.
func (n *Node) watchSends() func() {
	relayer := chain.KeyAddress(n.relayer)
	backend := n.backend
	m := n.metrics
	return chain.ObserveSends(func(b chain.Backend, from common.Address, tx *types.Transaction) {
		if b != backend || from != relayer {
			return
		}
		method := chain.MethodName(tx)
		m.txs.WithLabelValues(method).Inc()
		m.wg.Add(1)
		go func() {
			defer m.wg.Done()
			// WaitMined returns the receipt of a reverted transaction too: it paid for gas.
			rcpt, _ := chain.WaitMined(m.ctx, backend, tx.Hash())
			if rcpt == nil {
				return // not mined before the node stopped, or the chain did not answer
			}
			price := rcpt.EffectiveGasPrice
			if price == nil {
				price = tx.GasPrice() // a chain whose receipts lack it: the fee cap, an upper bound
			}
			wei, _ := new(big.Float).SetInt(new(big.Int).Mul(new(big.Int).SetUint64(rcpt.GasUsed), price)).Float64()
			m.gasUsed.WithLabelValues(method).Add(float64(rcpt.GasUsed))
			m.gasWei.Add(wei)
		}()
	})
}

// stopSends ends the receipt look-ups still waiting and waits for them.
func (m *nodeMetrics) stopSends() {
	m.cancel()
	m.wg.Wait()
}

// registerParts adds the gauges read from the node's running parts: call it once they all
// run (the end of Start).
func (n *Node) registerParts() {
	reg := n.metrics.reg
	reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "bazaar_relay_connections",
			Help: "Open mailbox subscriber connections at the relay (authenticated ones)."},
			func() float64 { return float64(n.hub.Connections()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "bazaar_relay_pending_envelopes",
			Help: "Envelopes the relay stores: for mailboxes not connected, or awaiting an acknowledging client's ack (with NATS: in the shared stream)."},
			func() float64 { return float64(n.hub.Pending()) }),
		chainCollector{n: n},
	)
	if n.settle != nil {
		reg.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "bazaar_settlement_payments_pending",
				Help: "Payments the in-process matcher took that no settlement batch holds yet."},
				func() float64 { return float64(n.settle.ledger.Pending()) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "bazaar_settlement_batches_posted_total",
				Help: "Settlement batches committed on-chain (the ledger's last batch id)."},
				func() float64 { id, _ := n.settle.ledger.Head(); return float64(id) }),
		)
	}
}

var (
	chainUpDesc = prometheus.NewDesc("bazaar_chain_up",
		"1 if the chain's JSON-RPC answered this scrape's block number request, else 0.", nil, nil)
	chainHeadDesc = prometheus.NewDesc("bazaar_chain_head_block",
		"The chain's latest block number.", nil, nil)
	indexBlockDesc = prometheus.NewDesc("bazaar_index_block",
		"The last block the browse index's registry watcher has applied.", nil, nil)
	indexLagDesc = prometheus.NewDesc("bazaar_index_lag_blocks",
		"Chain head minus the browse index's last applied block (at least --confirmations when caught up).", nil, nil)
)

// chainCollector asks the chain for its head at each scrape, so head and lag are read together.
type chainCollector struct{ n *Node }

func (c chainCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- chainUpDesc
	ch <- chainHeadDesc
	ch <- indexBlockDesc
	ch <- indexLagDesc
}

func (c chainCollector) Collect(ch chan<- prometheus.Metric) {
	indexed := c.n.indexedBlock()
	ch <- prometheus.MustNewConstMetric(indexBlockDesc, prometheus.GaugeValue, float64(indexed))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	head, err := c.n.backend.BlockNumber(ctx)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(chainUpDesc, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(chainUpDesc, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(chainHeadDesc, prometheus.GaugeValue, float64(head))
	ch <- prometheus.MustNewConstMetric(indexLagDesc, prometheus.GaugeValue, float64(head-min(head, indexed)))
}

// indexedBlock is the last block the browse index applied.
func (n *Node) indexedBlock() uint64 {
	h := n.indexer.Handled()
	if h == 0 {
		return 0
	}
	return h - 1
}

// readyLag is how many blocks beyond --confirmations the browse index may trail the head and
// the node still be ready: the watcher polls, so a block or two behind is normal.
const readyLag = 16

// Readiness is GET /readyz's answer: each check "ok" or why not.
type Readiness struct {
	Ready  bool              `json:"ready"`
	Checks map[string]string `json:"checks"`
}

// readiness runs the checks: not draining; the chain answers; the browse index has caught up
// (its first sync done, and within readyLag blocks of the head beyond --confirmations); and,
// when this node runs an attested matcher, that matcher is registered on-chain.
func (n *Node) readiness(ctx context.Context) Readiness {
	if n.draining.Load() {
		return Readiness{Checks: map[string]string{"draining": "the node is shutting down"}}
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	r := Readiness{Ready: true, Checks: map[string]string{}}
	fail := func(check, why string) { r.Ready, r.Checks[check] = false, why }
	head, err := n.backend.BlockNumber(ctx)
	if err != nil {
		// Not the error: it can carry the RPC URL, and this answer is public.
		n.log.Debug("readiness: chain did not answer", "err", err)
		fail("chain", "the chain's JSON-RPC does not answer")
	} else {
		r.Checks["chain"] = "ok"
	}
	select {
	case <-n.indexer.Synced():
		indexed := n.indexedBlock()
		switch {
		case err != nil:
			fail("index", "unknown: no chain head to compare with")
		case head > indexed+n.cfg.Confirmations+readyLag:
			fail("index", fmt.Sprintf("catching up: %d blocks behind the head", head-indexed))
		default:
			r.Checks["index"] = "ok"
		}
	default:
		fail("index", "first sync with the chain not done")
	}
	if n.engine != nil && n.mkeys != nil && n.attest != nil {
		ok, err := registeredWith(ctx, n.attest, chain.KeyAddress(n.mkeys.signer), n.mkeys.attested())
		switch {
		case err != nil:
			fail("matcher", "registration could not be read from the chain")
		case !ok:
			fail("matcher", "not registered on-chain (or expired, or its measurement revoked)")
		default:
			r.Checks["matcher"] = "ok"
		}
	}
	return r
}

// readyz answers GET /readyz: 200 when every readiness check passes, else 503; the body says
// which check fails.
func (n *Node) readyz(w http.ResponseWriter, r *http.Request) {
	rd := n.readiness(r.Context())
	status := http.StatusOK
	if !rd.Ready {
		status = http.StatusServiceUnavailable
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, rd)
}

// startOps serves the ops listener (cfg.OpsListen): GET /metrics, /readyz and /healthz.
func (n *Node) startOps() error {
	if n.cfg.OpsListen == "" {
		return nil
	}
	ln, err := net.Listen("tcp", n.cfg.OpsListen)
	if err != nil {
		return fmt.Errorf("ops listen: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(n.metrics.reg, promhttp.HandlerOpts{Registry: n.metrics.reg}))
	mux.HandleFunc("GET /readyz", n.readyz)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	n.opsLn = ln
	n.opsSrv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ErrorLog: serverErrorLog(n.log)}
	go func() {
		if err := n.opsSrv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			n.log.Error("ops server", "err", err)
		}
	}()
	return nil
}

// OpsURL is the ops listener's base URL ("" without one).
func (n *Node) OpsURL() string {
	if n.opsLn == nil {
		return ""
	}
	return "http://" + n.opsLn.Addr().String()
}

// drainHTTP is the first part of Stop: readiness answers 503 from now on; after
// cfg.DrainDelay (so load balancers see it) the API stops accepting connections and requests
// in flight get until cfg.DrainTimeout to finish, after which they are cut off. Websockets
// were handed to the relay (hijacked): the relay's Stop closes them with 1001 going away.
func (n *Node) drainHTTP(ctx context.Context) error {
	n.draining.Store(true)
	if n.srv == nil {
		return nil
	}
	if n.cfg.DrainDelay > 0 {
		t := time.NewTimer(n.cfg.DrainDelay)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
		}
	}
	sctx, cancel := context.WithTimeout(ctx, n.cfg.DrainTimeout)
	defer cancel()
	if err := n.srv.Shutdown(sctx); err != nil {
		n.srv.Close()
		return fmt.Errorf("drain: requests still in flight were cut off: %w", err)
	}
	return nil
}

package relay

// Loaded reports whether mailbox id is open here and its opening read of the stream is over
// (with NATS), so a test can tell the sweep's deliveries from the opening read's.
func (h *Hub) Loaded(id string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	b := h.boxes[id]
	return b != nil && b.nb != nil && !b.nb.loading
}

package bazaar

// Notification tells an agent that a deal matched its signal. It names the deal, never the
// agent; the matcher delivers it to the signal's mailbox.
type Notification struct {
	Type            string `json:"type"` // "deal.matched"
	DealID          string `json:"dealId"`
	CID             string `json:"cid"`
	Version         uint64 `json:"version"`
	Vendor          string `json:"vendor"`
	VendorName      string `json:"vendorName,omitempty"`
	Category        string `json:"category"`
	Description     string `json:"description"`
	DiscountedPrice Money  `json:"discountedPrice"`
	Currency        string `json:"currency"`
	ExpiresAt       int64  `json:"expiresAt"`
}

// NotificationMatched is the Type of a match notification.
const NotificationMatched = "deal.matched"

// NewNotification summarises a deal for its matched agents.
func NewNotification(dealID, cid string, version uint64, d *Deal) Notification {
	return Notification{
		Type:            NotificationMatched,
		DealID:          dealID,
		CID:             cid,
		Version:         version,
		Vendor:          d.Vendor.Hex(),
		VendorName:      d.VendorName,
		Category:        d.Service.Category,
		Description:     d.Service.Description,
		DiscountedPrice: d.Pricing.DiscountedPrice,
		Currency:        d.Pricing.Currency,
		ExpiresAt:       d.ExpiresAt,
	}
}

package bazaar

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes: stable strings carried in API error bodies {"error":{"code","message"}}.
const (
	ECodeInvalid     = "invalid"     // malformed or invalid input
	ECodeSignature   = "signature"   // a signature does not verify
	ECodeNotFound    = "not_found"   // no such deal or object
	ECodeConflict    = "conflict"    // state conflict (deal exists, stale version or counter)
	ECodeTooLarge    = "too_large"   // request or document over a size limit
	ECodeInternal    = "internal"    // anything else; details stay in the server log
	ECodeUnavailable = "unavailable" // a dependency (chain, IPFS) is not reachable
)

// Sentinel errors; match with errors.Is.
var (
	ErrNotFound       = &Error{Code: ECodeNotFound, Message: "not found"}
	ErrBadSignature   = &Error{Code: ECodeSignature, Message: "signature does not match the vendor"}
	ErrDigestMismatch = &Error{Code: ECodeInvalid, Message: "document digest differs from the signed header"}
)

// Error is a domain error with a stable code. Fields lists field-level problems, if any.
type Error struct {
	Code    string
	Message string
	Fields  []FieldError
	Err     error // wrapped cause, never shown to clients
}

// FieldError names one invalid field of a document, in JSON path form ("pricing.basePrice").
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Message)
	for i, f := range e.Fields {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.Field + " " + f.Message)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Is matches errors by code and message, so wrapped copies of a sentinel still match it.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && t.Message == e.Message
}

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or ECodeInternal.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ECodeInternal
}

// ErrorMessage returns a message safe to show clients: the *Error's message and fields, or a
// generic text for internal errors.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Err = nil
		return c.Error()
	}
	return "internal error"
}

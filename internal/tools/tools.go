//go:build tools

// Package tools pins modules the next changes use (NATS relay backend, SQLite signal store)
// so parallel work does not race on go.mod; remove an import once real code uses it.
package tools

import (
	_ "github.com/nats-io/nats-server/v2/server"
	_ "github.com/nats-io/nats.go"
)

package main

import (
	"flag"
	"fmt"
	"strings"
)

// envName is the environment variable for a flag: prefix + the flag's name upper-cased with
// "-" as "_" (BAZAAR_RPC_LISTEN for --rpc-listen).
func envName(prefix, flagName string) string {
	return prefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// envFlags lets every flag of fs be given in the environment as envName(prefix, name). Call it
// after the flags are defined and before Parse: it sets each flag whose variable lookup finds,
// so the same flag on the command line, set by Parse afterwards, wins (a repeatable flag's
// command-line values replace the environment's rather than add to them). Each flag's usage
// names its variable, so -h shows them. An unparsable value is an error naming the variable.
func envFlags(fs *flag.FlagSet, prefix string, lookup func(string) (string, bool)) error {
	var errs []error
	fs.VisitAll(func(f *flag.Flag) {
		name := envName(prefix, f.Name)
		f.Usage += " [$" + name + "]"
		v, ok := lookup(name)
		if !ok {
			return
		}
		if err := fs.Set(f.Name, v); err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: %w", name, v, err))
			return
		}
		if r, ok := f.Value.(resetter); ok {
			f.Value = &envDefault{Value: f.Value, reset: r.Reset}
		}
	})
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// resetter is a repeatable flag's value, which Set adds to: Reset empties it.
type resetter interface{ Reset() }

// Reset empties the list (envFlags: the command line replaces the environment's values).
func (l *listFlag) Reset() { *l = nil }

// envDefault is a repeatable flag set from the environment: the first Set from the command
// line clears the environment's values first.
type envDefault struct {
	flag.Value
	reset func()
	set   bool
}

func (e *envDefault) Set(s string) error {
	if !e.set {
		e.set = true
		e.reset()
	}
	return e.Value.Set(s)
}

// String is safe on the zero value, which flag.PrintDefaults makes to find defaults.
func (e *envDefault) String() string {
	if e == nil || e.Value == nil {
		return ""
	}
	return e.Value.String()
}

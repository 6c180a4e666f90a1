// Command ferretdb-launcher runs an embedded FerretDB (MongoDB wire protocol)
// with the PostgreSQL backend, for local development and CI.
//
// It is a thin wrapper around github.com/FerretDB/FerretDB/ferretdb: we do not
// build FerretDB's own command, because that one panics at start-up without
// its generated build/version files.
//
// Usage:
//
//	ferretdb-launcher -listen-addr 127.0.0.1:27017 \
//	    -postgresql-url 'postgres://postgres@127.0.0.1:5432/ferretdb?pool_max_conns=40' -log-level warn
//
// Once the TCP socket is bound it prints exactly one line to stdout:
//
//	ferretdb ready on HOST:PORT
//
// and then serves until SIGINT or SIGTERM, on which it shuts down cleanly.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on (host:port; port 0 picks a free one)")
	postgresqlURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/ferretdb", "PostgreSQL URL (pgx; pool_max_conns sets the pool size)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error (logs go to stderr)")
	flag.Parse()

	if err := run(*listenAddr, *postgresqlURL, *logLevel); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-launcher: %s\n", err)
		os.Exit(1)
	}
}

func run(listenAddr, postgresqlURL, logLevel string) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level %q: %w", logLevel, err)
	}

	// Logs go to stderr so that stdout carries only the readiness line.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	u, err := url.Parse(postgresqlURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("bad -postgresql-url %q: want postgres://user@host:port/database", postgresqlURL)
	}

	// Telemetry: the embeddable package never starts the telemetry reporter
	// and explicitly marks telemetry as disabled and locked in New, so there
	// is no option to set here (and no state file is written).
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{
			TCP: listenAddr,
		},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: postgresqlURL,
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// New already bound the TCP socket (connections queue in the backlog
	// until Run's accept loop picks them up), so the address is known now.
	// MongoDBURI is safe to call here: it only needs the bound listener.
	addr := strings.TrimSuffix(strings.TrimPrefix(f.MongoDBURI(), "mongodb://"), "/")
	fmt.Printf("ferretdb ready on %s\n", addr)

	// Run returns after ctx is canceled and all listeners, connections and
	// the PostgreSQL pool are closed.
	err = <-done
	logger.Info("ferretdb stopped")

	return err
}

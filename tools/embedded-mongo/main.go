// Command embedded-mongo runs FerretDB v1 with its SQLite handler inside this
// process, so that development and tests get a MongoDB wire-protocol server
// without installing anything. It is not a production database.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

type options struct {
	listen      string
	dataDir     string
	logLevel    string
	allowRemote bool
	stdinEOF    bool
}

func parseFlags() options {
	var o options
	flag.StringVar(&o.listen, "listen", envOr("EMBEDDED_MONGO_LISTEN", "127.0.0.1:27017"), "TCP address to listen on; port 0 picks a free port")
	flag.StringVar(&o.dataDir, "data-dir", envOr("EMBEDDED_MONGO_DATA_DIR", ".data/db"), "directory for the SQLite files (created if missing)")
	flag.StringVar(&o.logLevel, "log-level", envOr("EMBEDDED_MONGO_LOG_LEVEL", "warn"), "debug, info, warn or error")
	flag.BoolVar(&o.allowRemote, "allow-remote", false, "allow a non-loopback listen address (the server has no authentication)")
	flag.BoolVar(&o.stdinEOF, "exit-on-stdin-eof", false, "shut down when standard input closes (the parent process died)")
	flag.Parse()
	return o
}

func envOr(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return fallback
}

func main() {
	if err := run(parseFlags()); err != nil {
		fmt.Fprintln(os.Stderr, "embedded-mongo:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if err := checkListen(o.listen, o.allowRemote); err != nil {
		return err
	}

	level, err := parseLevel(o.logLevel)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	sqliteURL, err := sqliteDirURL(o.dataDir)
	if err != nil {
		return err
	}

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: o.listen},
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
		Logger:    logger,
	})
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if o.stdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, bufio.NewReader(os.Stdin))
			stop()
		}()
	}

	// A second signal while shutting down forces the exit.
	go func() {
		<-ctx.Done()
		force := make(chan os.Signal, 1)
		signal.Notify(force, os.Interrupt, syscall.SIGTERM)
		<-force
		os.Exit(1)
	}()

	// The listener is bound inside New, so the address is known before Run.
	// This single stdout line is the readiness signal parents wait for.
	fmt.Printf("MONGODB_URI=%s\n", db.MongoDBURI())
	_ = os.Stdout.Sync()

	db.Run(ctx)
	return nil
}

func checkListen(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-listen %q: %w", addr, err)
	}
	if allowRemote {
		return nil
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-listen %q is not a loopback address; the server has no authentication (use -allow-remote to override)", addr)
	}
	return nil
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(s))); err != nil {
		return l, fmt.Errorf("-log-level %q: want debug, info, warn or error", s)
	}
	return l, nil
}

// sqliteDirURL turns a directory into the file: URI FerretDB expects: an
// absolute, existing directory ending in a slash.
func sqliteDirURL(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("-data-dir %q: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o750); err != nil {
		return "", fmt.Errorf("-data-dir %q: %w", dir, err)
	}
	u := url.URL{Scheme: "file", Opaque: filepath.ToSlash(abs) + "/"}
	return u.String(), nil
}

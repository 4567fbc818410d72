// Command embedded-mongo runs FerretDB v1 with its PostgreSQL handler inside
// this process, on a PostgreSQL server the parent started (the API starts an
// embedded PostgreSQL 17), so that development and tests get a MongoDB
// wire-protocol server without installing anything. It is not a production
// database.
//
// Before FerretDB starts, it installs engine.sql into the target database:
// GIN twins of FerretDB's btree indexes (so pushed-down filters use an index)
// and a trigger that refuses updates which do not advance a document's
// `version` (FerretDB does not re-check update filters when writing).
package main

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

//go:embed engine.sql
var engineSQL string

type options struct {
	listen        string
	postgresqlURL string
	logLevel      string
	allowRemote   bool
	stdinEOF      bool
}

func parseFlags() options {
	var o options
	flag.StringVar(&o.listen, "listen", envOr("EMBEDDED_MONGO_LISTEN", "127.0.0.1:27017"), "TCP address to listen on; port 0 picks a free port")
	flag.StringVar(&o.postgresqlURL, "postgresql-url", envOr("EMBEDDED_MONGO_POSTGRESQL_URL", ""), "PostgreSQL URL, e.g. postgres://user:password@127.0.0.1:5432/ferretdb (required; the database is created if missing)")
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
	if o.postgresqlURL == "" {
		return errors.New("-postgresql-url (or EMBEDDED_MONGO_POSTGRESQL_URL) is required")
	}

	level, err := parseLevel(o.logLevel)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if o.stdinEOF {
		go func() {
			_, _ = io.Copy(io.Discard, bufio.NewReader(os.Stdin))
			stop()
		}()
	}

	prepCtx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	err = prepareDatabase(prepCtx, o.postgresqlURL)
	cancel()
	if err != nil {
		return fmt.Errorf("prepare PostgreSQL: %w", err)
	}

	// FerretDB gets the URL without the password: a MongoDB client must log in (PLAIN) with the
	// PostgreSQL user and password, which FerretDB passes on to PostgreSQL. So a local process that
	// reaches the port but does not know the password (mode 600 file of the postgres user) gets
	// nothing, although the server itself has no users of its own.
	ferretURL, err := withoutPassword(o.postgresqlURL)
	if err != nil {
		return err
	}
	db, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: o.listen},
		Handler:       "postgresql",
		PostgreSQLURL: ferretURL,
		Logger:        logger,
	})
	if err != nil {
		return fmt.Errorf("start: %w", err)
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

// prepareDatabase creates the target database if it does not exist and
// installs engine.sql into it. Errors never contain the URL (it holds the
// password).
func prepareDatabase(ctx context.Context, url string) error {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return errors.New("the PostgreSQL URL cannot be parsed")
	}
	if cfg.Database == "" {
		return errors.New("the PostgreSQL URL names no database")
	}

	if err = createDatabase(ctx, cfg); err != nil {
		return err
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connect to database %q: %w", cfg.Database, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))

	dbIdent := pgx.Identifier{cfg.Database}.Sanitize()
	// The key names FerretDB passes as query parameters must be planned as
	// constants, or the expression indexes do not match (the server flag says
	// the same; this keeps it when the server is started differently).
	if _, err = conn.Exec(ctx, "ALTER DATABASE "+dbIdent+" SET plan_cache_mode = force_custom_plan"); err != nil {
		return fmt.Errorf("set plan_cache_mode: %w", err)
	}

	// Several statements without arguments run through the simple protocol
	// as one implicit transaction.
	if _, err = conn.Exec(ctx, engineSQL); err != nil {
		return fmt.Errorf("install engine.sql: %w", err)
	}
	return nil
}

// createDatabase creates the target database through the "postgres" database
// unless it exists.
func createDatabase(ctx context.Context, cfg *pgx.ConnConfig) error {
	admin := cfg.Copy()
	admin.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, admin)
	if err != nil {
		return fmt.Errorf("connect to database \"postgres\": %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))

	var exists bool
	if err = conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", cfg.Database).Scan(&exists); err != nil {
		return fmt.Errorf("look up database %q: %w", cfg.Database, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{cfg.Database}.Sanitize()+" ENCODING 'UTF8' TEMPLATE template0")
	var pgErr *pgconn.PgError
	if err != nil && !(errors.As(err, &pgErr) && pgErr.Code == "42P04") { // duplicate_database: a concurrent start won
		return fmt.Errorf("create database %q: %w", cfg.Database, err)
	}
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

// withoutPassword removes the password from a PostgreSQL URL, keeping the user name.
func withoutPassword(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("-postgresql-url: %w", err)
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.String(), nil
}

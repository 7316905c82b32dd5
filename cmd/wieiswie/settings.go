package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/wieiswie/wieiswie/config"
)

// readSettings starts the commands that the environment configures
// (serve, web, report): it adds --env-file to flags, parses args (see
// parseFlags; these commands take no arguments), reads the settings from
// the environment and that file, and checks them with validate (nil: only
// what every command needs). getenv is the environment with the file
// behind it. done says the command stops here with code: 0 after --help, 2
// for a bad flag or setting, whose reason is on stderr.
func readSettings(flags *flag.FlagSet, args []string, help string, stdout, stderr io.Writer, getenv func(string) string,
	validate func(config.Config) error) (cfg config.Config, env func(string) string, code int, done bool) {
	envFile := flags.String("env-file", ".env", "read settings the environment leaves unset from this file, if it exists")
	rest, code, done := parseFlags(flags, args, help, stdout)
	if done {
		return cfg, nil, code, true
	}
	fail := func(err error) (config.Config, func(string) string, int, bool) {
		fmt.Fprintf(stderr, "wieiswie %s: %v\n", flags.Name(), err)
		return cfg, nil, 2, true
	}
	if len(rest) > 0 {
		return fail(fmt.Errorf("unexpected argument %q", rest[0]))
	}
	env, err := withEnvFile(getenv, *envFile)
	if err != nil {
		return fail(err)
	}
	if cfg, err = config.FromEnv(env); err == nil && validate != nil {
		err = validate(cfg)
	}
	if err != nil {
		return fail(err)
	}
	return cfg, env, 0, false
}

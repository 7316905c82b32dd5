package bot

import (
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestManifestMatchesHandler keeps slack/manifest.yaml in step with what
// the bot handles: the events, the command, the buttons and the scopes they
// need.
func TestManifestMatchesHandler(t *testing.T) {
	raw, err := os.ReadFile("../slack/manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		DisplayInformation struct {
			Name string `yaml:"name"`
		} `yaml:"display_information"`
		Features struct {
			AppHome struct {
				HomeTab             bool `yaml:"home_tab_enabled"`
				MessagesTab         bool `yaml:"messages_tab_enabled"`
				MessagesTabReadOnly bool `yaml:"messages_tab_read_only_enabled"`
			} `yaml:"app_home"`
			BotUser struct {
				DisplayName string `yaml:"display_name"`
			} `yaml:"bot_user"`
			SlashCommands []struct {
				Command     string `yaml:"command"`
				Description string `yaml:"description"`
				UsageHint   string `yaml:"usage_hint"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				BotEvents []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest is not valid YAML: %v", err)
	}
	if m.DisplayInformation.Name != "wieiswie" || m.Features.BotUser.DisplayName != "wieiswie" {
		t.Errorf("name %q, bot user %q", m.DisplayInformation.Name, m.Features.BotUser.DisplayName)
	}
	if !m.Features.AppHome.MessagesTab || m.Features.AppHome.MessagesTabReadOnly {
		t.Error("people cannot send the bot direct messages")
	}
	if !m.Features.AppHome.HomeTab {
		t.Error("the Home tab is off: nobody would see how to ask, nor editors their report")
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/wie" ||
		m.Features.SlashCommands[0].UsageHint == "" || !strings.Contains(m.Features.SlashCommands[0].Description, "wie") {
		t.Errorf("slash commands %+v", m.Features.SlashCommands)
	}
	for _, e := range []string{"app_mention", "message.im", "message.channels", "message.groups", "app_home_opened"} {
		if !slices.Contains(m.Settings.Events.BotEvents, e) {
			t.Errorf("event %s not subscribed", e)
		}
	}
	need := map[string]string{
		"app_mention": "app_mentions:read", "message.im": "im:history",
		"message.channels": "channels:history", "message.groups": "groups:history", "message.mpim": "mpim:history",
	}
	for _, e := range m.Settings.Events.BotEvents {
		if scope, ok := need[e]; ok && !slices.Contains(m.OAuth.Scopes.Bot, scope) {
			t.Errorf("event %s needs scope %s", e, scope)
		}
	}
	for _, s := range []string{"chat:write", "commands", "im:read", "im:write", "users:read", "users:read.email"} {
		if !slices.Contains(m.OAuth.Scopes.Bot, s) {
			t.Errorf("scope %s missing", s)
		}
	}
	if !m.Settings.Interactivity.Enabled {
		t.Error("interactivity is off: the buttons would not work")
	}
	if !m.Settings.SocketMode {
		t.Error("socket_mode_enabled should be true (the default transport)")
	}
}

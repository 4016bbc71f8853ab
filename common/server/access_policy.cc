#include "common/server/access_policy.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/sha256.h"

namespace govreport::server {
namespace {

bool IsRoleName(absl::string_view role) {
  if (role.empty()) return false;
  return std::all_of(role.begin(), role.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

bool IsLowerHex(absl::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

bool HasRole(const std::vector<std::string>& roles, absl::string_view role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace

absl::StatusOr<AccessPolicy> AccessPolicy::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read the auth config ",
                                            path, ": ", std::strerror(errno)));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

absl::StatusOr<AccessPolicy> AccessPolicy::Parse(absl::string_view text,
                                                 absl::string_view source) {
  AccessPolicy policy;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    auto fail = [&](absl::string_view reason) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ":", line_number, ": ", reason));
    };
    if (size_t hash = line.find('#'); hash != absl::string_view::npos) {
      line = line.substr(0, hash);
    }
    std::vector<absl::string_view> words =
        absl::StrSplit(line, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
    if (words.empty()) continue;
    if (words[0] != "token" && words[0] != "identity") {
      return fail(absl::StrCat("unknown entry \"", words[0],
                               "\" (expected token or identity)"));
    }
    if (words.size() < 3) {
      return fail(absl::StrCat(words[0], " needs a value and roles=..."));
    }
    std::vector<std::string> roles;
    std::string name;
    for (size_t i = 2; i < words.size(); ++i) {
      if (absl::ConsumePrefix(&words[i], "roles=")) {
        for (absl::string_view role : absl::StrSplit(words[i], ',')) {
          if (!IsRoleName(role)) {
            return fail(absl::StrCat("bad role name \"", role,
                                     "\" (lowercase letters, digits, - or _)"));
          }
          roles.emplace_back(role);
        }
      } else if (absl::ConsumePrefix(&words[i], "name=") &&
                 words[0] == "token") {
        name = std::string(words[i]);
      } else {
        return fail(absl::StrCat("unexpected \"", words[i], "\""));
      }
    }
    if (roles.empty()) return fail("no roles=... given");
    if (words[0] == "token") {
      const absl::string_view hex = words[1];
      if (hex.size() != 64 || !IsLowerHex(hex)) {
        return fail(
            "a token is given as the 64 lowercase hex digits of its SHA-256 "
            "(printf %s \"$TOKEN\" | sha256sum), never in clear");
      }
      if (name.empty()) name = std::string(hex.substr(0, 8));
      policy.tokens_.push_back(
          {absl::HexStringToBytes(hex), std::move(name), std::move(roles)});
    } else {
      policy.identities_.push_back({std::string(words[1]), std::move(roles)});
    }
  }
  return policy;
}

AccessDecision AccessPolicy::Decide(absl::string_view role,
                                    const CallerCredentials& caller) const {
  AccessDecision decision;
  std::vector<std::string> roles;
  std::vector<std::string> names;
  if (!caller.authorization.empty()) {
    absl::string_view value = absl::StripAsciiWhitespace(caller.authorization);
    if (value.size() < 7 ||
        !absl::EqualsIgnoreCase(value.substr(0, 7), "bearer ")) {
      decision.caller = "anonymous";
      decision.status = absl::UnauthenticatedError(
          "the authorization metadata must be \"Bearer <token>\"");
      return decision;
    }
    const std::string digest =
        Sha256(absl::StripLeadingAsciiWhitespace(value.substr(7)));
    // Every entry is compared, so the time taken does not tell which (or
    // whether one) matched.
    const TokenEntry* match = nullptr;
    for (const TokenEntry& entry : tokens_) {
      if (CRYPTO_memcmp(entry.sha256.data(), digest.data(), digest.size()) ==
          0) {
        match = &entry;
      }
    }
    if (match == nullptr) {
      decision.caller = "unknown-token";
      decision.status =
          absl::UnauthenticatedError("the bearer token is not known");
      return decision;
    }
    names.push_back(absl::StrCat("token:", match->name));
    roles.insert(roles.end(), match->roles.begin(), match->roles.end());
  }
  for (const std::string& identity : caller.identities) {
    for (const IdentityEntry& entry : identities_) {
      if (entry.identity == identity) {
        names.push_back(absl::StrCat("identity:", identity));
        roles.insert(roles.end(), entry.roles.begin(), entry.roles.end());
      }
    }
  }
  if (names.empty()) {
    decision.caller = caller.identities.empty()
                          ? "anonymous"
                          : absl::StrCat("identity:", caller.identities[0]);
    decision.status = absl::UnauthenticatedError(
        "no credential this server knows: send \"authorization: Bearer "
        "<token>\" or a client certificate listed in --auth_config");
    return decision;
  }
  decision.caller = absl::StrJoin(names, ",");
  if (!HasRole(roles, role)) {
    decision.status = absl::PermissionDeniedError(absl::StrCat(
        decision.caller, " lacks the role \"", role, "\" this method needs"));
  }
  return decision;
}

}  // namespace govreport::server

"""A small OpenID Connect provider for the tests, served over real HTTP on
127.0.0.1 in a thread of the test process: discovery, authorization (code flow with
PKCE S256 required), token, userinfo, JWKS and end-session endpoints, ID tokens
signed RS256 with a key generated at start.

A test says who signs in next (`provider.sign_in_as(claims)`) and may ask for one
faulty token (`provider.spoil = "issuer" | "audience" | "expired" | "signature" |
"nonce"`); the portal must refuse each."""

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

CLIENT_ID = "oxlo-portal-test"
CLIENT_SECRET = "test-client-secret-0123456789"  # noqa: S105 (the test provider's)
KID = "test-key-1"


def _b64(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class Provider:
    """The provider's state: its keys, the codes it gave out, who signs in next."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.provider = self
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.claims: dict = {}
        self.spoil = ""
        self.ended_sessions: list[str] = []
        self.token_requests: list[dict] = []
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "Provider":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def sign_in_as(self, **claims) -> None:
        """The person the next authorization request signs in (no login form)."""
        self.claims = claims
        self.spoil = ""

    def reset(self) -> None:
        self.claims, self.spoil = {}, ""
        self.codes.clear()
        self.tokens.clear()
        self.ended_sessions.clear()
        self.token_requests.clear()

    def metadata(self) -> dict:
        base = self.issuer
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "userinfo_endpoint": f"{base}/userinfo",
            "jwks_uri": f"{base}/jwks",
            "end_session_endpoint": f"{base}/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self) -> dict:
        numbers = self.key.public_key().public_numbers()
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "alg": "RS256",
                    "kid": KID,
                    "n": _b64(numbers.n),
                    "e": _b64(numbers.e),
                }
            ]
        }

    def id_token(self, grant: dict) -> str:
        now = int(time.time())
        payload = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": grant["nonce"],
            **grant["claims"],
        }
        key, spoil = self.key, grant["spoil"]
        if spoil == "issuer":
            payload["iss"] = "http://127.0.0.1:1/annen-utsteder"
        elif spoil == "audience":
            payload["aud"] = "en-annen-klient"
        elif spoil == "expired":
            payload["iat"], payload["exp"] = now - 3600, now - 1800
        elif spoil == "signature":
            key = self.other_key
        elif spoil == "nonce":
            payload["nonce"] = "en-annen-nonce"
        return jwt.encode(payload, key, algorithm="RS256", headers={"kid": KID})


class _Handler(BaseHTTPRequestHandler):
    server_version = "TestOIDC/1"

    def log_message(self, *args):  # quiet in test output
        pass

    @property
    def provider(self) -> Provider:
        return self.server.provider

    def _json(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        provider = self.provider
        if url.path == "/.well-known/openid-configuration":
            return self._json(200, provider.metadata())
        if url.path == "/jwks":
            return self._json(200, provider.jwks())
        if url.path == "/authorize":
            return self._authorize(query)
        if url.path == "/userinfo":
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            grant = provider.tokens.get(token)
            if grant is None:
                return self._json(401, {"error": "invalid_token"})
            return self._json(200, grant["claims"])
        if url.path == "/logout":
            provider.ended_sessions.append(query.get("id_token_hint", ""))
            return self._redirect(query.get("post_logout_redirect_uri", "/"))
        return self._json(404, {"error": "not_found"})

    def _authorize(self, query: dict):
        provider = self.provider
        if query.get("client_id") != CLIENT_ID or not query.get("redirect_uri"):
            return self._json(400, {"error": "invalid_client"})
        if query.get("code_challenge_method") != "S256" or not query.get(
            "code_challenge"
        ):
            return self._json(400, {"error": "invalid_request", "detail": "PKCE"})
        code = secrets.token_urlsafe(24)
        provider.codes[code] = {
            "claims": dict(provider.claims),
            "spoil": provider.spoil,
            "nonce": query.get("nonce"),
            "challenge": query["code_challenge"],
            "redirect_uri": query["redirect_uri"],
        }
        separator = "&" if "?" in query["redirect_uri"] else "?"
        params = urlencode({"code": code, "state": query.get("state", "")})
        return self._redirect(f"{query['redirect_uri']}{separator}{params}")

    def do_POST(self):
        if urlparse(self.path).path != "/token":
            return self._json(404, {"error": "not_found"})
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        provider = self.provider
        provider.token_requests.append(form)
        if (
            form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
        ):
            return self._json(401, {"error": "invalid_client"})
        grant = provider.codes.pop(form.get("code", ""), None)  # single use
        if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
            return self._json(400, {"error": "invalid_grant"})
        verifier = form.get("code_verifier", "")
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        if challenge != grant["challenge"]:
            return self._json(400, {"error": "invalid_grant", "detail": "PKCE"})
        access_token = secrets.token_urlsafe(24)
        provider.tokens[access_token] = grant
        return self._json(
            200,
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": provider.id_token(grant),
            },
        )

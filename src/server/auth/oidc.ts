// Single sign-on through the government's unified identity platform (OpenID Connect, authorisation
// code flow with PKCE, via openid-client). duban is the relying party: it sends the browser to the
// platform, takes the code back at its callback, checks state, nonce and PKCE, reads the identity's
// claims and maps them to a duban account (accounts-from-identities.ts). Local passwords stay for
// small offices and can be turned off.
import * as client from 'openid-client';

export interface OidcOptions {
  /** The platform's issuer URL (its /.well-known/openid-configuration is read once). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** duban's callback as registered at the platform: https://duban.example.gov.cn/api/auth/oidc/callback */
  redirectUri: string;
  /** Default `openid profile`. */
  scope?: string;
  /** The claim that holds the duban user name of an identity (default `preferred_username`). */
  usernameClaim?: string;
  /**
   * Unknown identities (no link, no account of that user name): created as read-only viewers, or
   * refused when null (the default): an office opens unit, leader and admin accounts itself, since
   * they need a unit or a leader that no claim reliably names.
   */
  createRole?: 'viewer' | null;
  /** The button's text on the login page (default 统一身份认证登录). */
  label?: string;
  /** Plain-http issuers are refused unless this is set (a test provider on 127.0.0.1). */
  allowHttp?: boolean;
}

export interface IdentityClaims {
  issuer: string;
  subject: string;
  username: string | null;
  displayName: string | null;
}

export interface OidcClient {
  options: OidcOptions;
  /** Where to send the browser, and what must come back with it. */
  authorizationRequest(): Promise<{ url: string; state: string; nonce: string; codeVerifier: string }>;
  /** Redeems the code the platform sent to `callbackUrl`; throws when any check fails. */
  redeem(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<IdentityClaims>;
}

export function createOidcClient(options: OidcOptions): OidcClient {
  let configuration: Promise<client.Configuration> | null = null;
  // Discovery is done on first use and retried after a failure (the platform may start after us).
  const config = () => {
    configuration ??= client
      .discovery(
        new URL(options.issuer),
        options.clientId,
        options.clientSecret,
        undefined,
        options.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  };

  return {
    options,
    async authorizationRequest() {
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(await config(), {
        redirect_uri: options.redirectUri,
        scope: options.scope ?? 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },
    async redeem(callbackUrl, checks) {
      const cfg = await config();
      const tokens = await client.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the platform returned no ID token');
      const usernameClaim = options.usernameClaim ?? 'preferred_username';
      // Many platforms put only `sub` in the ID token and the profile behind the userinfo endpoint.
      const claims: Record<string, unknown> =
        idClaims[usernameClaim] === undefined
          ? { ...(await client.fetchUserInfo(cfg, tokens.access_token, idClaims.sub)), ...idClaims }
          : idClaims;
      const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
      return {
        issuer: idClaims.iss,
        subject: idClaims.sub,
        username: text(claims[usernameClaim]),
        displayName: text(claims.name),
      };
    },
  };
}

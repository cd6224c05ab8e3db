// Issue 3's acceptance path, end to end through the real CLI: the seed page -> `ssgen generate` ->
// a client that compiles under tsc --strict -> a POST of the PascalCase body to the declared route
// of a server that answers like ServiceStack -> the typed response.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT, runCli } from "../cli/run-cli.js";
import { importTs } from "../emit/support.js";
import { startFakeServiceStack, type FakeServiceStack } from "../helpers/fake-servicestack.js";
import { typecheck } from "../helpers/tsc.js";

// CI clones the repo next to a copy of shared/; without it the byte-identical fixture copy stands in.
const SHARED_SEED = path.resolve(ROOT, "../shared/seed");
const SEED = existsSync(SHARED_SEED) ? SHARED_SEED : path.join(ROOT, "fixtures/pages/seed-cognito.txt");
if (SEED !== SHARED_SEED) console.log(`../shared/seed not found: using ${SEED}`);

interface SeedClientModule {
  ApiClient: new (options: { baseUrl: string; retries?: number }) => {
    cognitoSendConfirmCodeRequest(req: { EmailAddress?: string; ConfirmationCode?: string }): Promise<Record<string, unknown>>;
  };
  CognitoSendConfirmCodeRequest: new (init?: object) => { getTypeName(): string; getMethod(): string };
}

let out: string;
let server: FakeServiceStack;

beforeAll(async () => {
  await ensureBuilt();
  out = await mkdtemp(path.join(tmpdir(), "ssgen-seed-e2e-"));
  server = await startFakeServiceStack({
    routes: [{ path: "/CognitoSendConfirmCodeRequest", verbs: ["POST"], op: "CognitoSendConfirmCodeRequest" }],
    services: {
      CognitoSendConfirmCodeRequest: (dto) => ({
        Total: 1,
        OpCode: 200,
        CachedResponse: false,
        RequestTime: String(dto.EmailAddress),
      }),
    },
  });
});

afterAll(async () => {
  await server?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe("seed page -> generated client -> ServiceStack-like server", () => {
  it("generates, compiles strict, and POSTs the PascalCase body to the declared route", async () => {
    const gen = await runCli(["generate", "--input", SEED, "--out", out, "--quiet"]);
    expect(gen.stderr).toBe("");
    expect(gen.code).toBe(0);

    const dtos = await readFile(path.join(out, "dtos.ts"), "utf8");
    expect(dtos).toContain("public EmailAddress?: string;");
    expect(dtos).toContain("implements IReturn<CognitoSendConfirmCodeRequestResponse>, IPost");
    await typecheck(out);

    const mod = await importTs<SeedClientModule>(out, "index.ts");
    const dto = new mod.CognitoSendConfirmCodeRequest({ EmailAddress: "ada@example.com" });
    expect([dto.getTypeName(), dto.getMethod()]).toEqual(["CognitoSendConfirmCodeRequest", "POST"]);

    const client = new mod.ApiClient({ baseUrl: server.url, retries: 0 });
    const response = await client.cognitoSendConfirmCodeRequest({ EmailAddress: "ada@example.com", ConfirmationCode: "123456" });

    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req!.method).toBe("POST");
    expect(req!.path).toBe("/CognitoSendConfirmCodeRequest");
    expect(req!.endpoint).toBe("route");
    expect(req!.body).toBe('{"EmailAddress":"ada@example.com","ConfirmationCode":"123456"}');
    expect(req!.headers["content-type"]).toBe("application/json");
    expect(req!.headers.accept).toBe("application/json");
    expect(response).toEqual({ Total: 1, OpCode: 200, CachedResponse: false, RequestTime: "ada@example.com" });
  });
});

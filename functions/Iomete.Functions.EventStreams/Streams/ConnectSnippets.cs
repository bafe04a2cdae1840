namespace Iomete.Functions.EventStreams.Streams;

/// <summary>Ready-to-run code that posts a JSON array of events to a stream, one per language of the Connect tab.</summary>
public sealed record ConnectSnippets(string Curl, string Csharp, string Python, string Javascript, string Java, string Go)
{
    public const string TokenPlaceholder = "<your-access-token>";
    public const string TablePlaceholder = "spark_catalog.default.events";

    public static ConnectSnippets For(string endpoint) => new(
        CurlSnippet(endpoint), CSharpSnippet(endpoint), PythonSnippet(endpoint), JavaScriptSnippet(endpoint), JavaSnippet(endpoint), GoSnippet(endpoint));

    private static string CurlSnippet(string url) => $$"""
        curl -X POST '{{url}}' \
          -H 'Authorization: {{TokenPlaceholder}}' \
          -H 'Content-Type: application/json' \
          -H 'table: {{TablePlaceholder}}' \
          -H 'Idempotency-Key: batch-0001' \
          -d '[{"event":"signup","user_id":42},{"event":"login","user_id":42}]'
        """;

    private static string CSharpSnippet(string url) => $$""""
        using System.Text;

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "{{url}}")
        {
            Content = new StringContent("""[{"event":"signup","user_id":42},{"event":"login","user_id":42}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "{{TokenPlaceholder}}");
        request.Headers.Add("table", "{{TablePlaceholder}}");
        // Send the same key again when you retry this batch: it is then stored once.
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        """";

    private static string PythonSnippet(string url) => $$"""
        import uuid
        import requests

        response = requests.post(
            "{{url}}",
            headers={
                "Authorization": "{{TokenPlaceholder}}",
                "Content-Type": "application/json",
                "table": "{{TablePlaceholder}}",
                # Send the same key again when you retry this batch: it is then stored once.
                "Idempotency-Key": str(uuid.uuid4()),
            },
            json=[{"event": "signup", "user_id": 42}, {"event": "login", "user_id": 42}],
        )
        print(response.status_code, response.text)
        """;

    private static string JavaScriptSnippet(string url) => $$"""
        // Node.js 18+ (save as ingest.mjs) or a browser.
        const response = await fetch("{{url}}", {
          method: "POST",
          headers: {
            "Authorization": "{{TokenPlaceholder}}",
            "Content-Type": "application/json",
            "table": "{{TablePlaceholder}}",
            // Send the same key again when you retry this batch: it is then stored once.
            "Idempotency-Key": crypto.randomUUID(),
          },
          body: JSON.stringify([{ event: "signup", user_id: 42 }, { event: "login", user_id: 42 }]),
        });
        console.log(response.status, await response.text());
        """;

    private static string JavaSnippet(string url) => $$"""
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.UUID;

        public class Ingest {
            public static void main(String[] args) throws Exception {
                var request = HttpRequest.newBuilder(URI.create("{{url}}"))
                    .header("Authorization", "{{TokenPlaceholder}}")
                    .header("Content-Type", "application/json")
                    .header("table", "{{TablePlaceholder}}")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"event\":\"signup\",\"user_id\":42},{\"event\":\"login\",\"user_id\":42}]"))
                    .build();
                var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                System.out.println(response.statusCode() + " " + response.body());
            }
        }
        """;

    private static string GoSnippet(string url) => $$"""
        package main

        import (
        	"crypto/rand"
        	"fmt"
        	"io"
        	"net/http"
        	"strings"
        )

        func main() {
        	key := make([]byte, 16)
        	rand.Read(key)
        	body := strings.NewReader(`[{"event":"signup","user_id":42},{"event":"login","user_id":42}]`)
        	req, err := http.NewRequest("POST", "{{url}}", body)
        	if err != nil {
        		panic(err)
        	}
        	req.Header.Set("Authorization", "{{TokenPlaceholder}}")
        	req.Header.Set("Content-Type", "application/json")
        	req.Header.Set("table", "{{TablePlaceholder}}")
        	req.Header.Set("Idempotency-Key", fmt.Sprintf("%x", key))
        	resp, err := http.DefaultClient.Do(req)
        	if err != nil {
        		panic(err)
        	}
        	defer resp.Body.Close()
        	out, _ := io.ReadAll(resp.Body)
        	fmt.Println(resp.Status, string(out))
        }
        """;
}

namespace Assay.Services.Configuration;

/// <summary>
/// Settings of the five services, read from the <c>services:</c> section of <c>assay.yaml</c>
/// (see <see cref="ServicesConfigLoader"/>). Every model is named by a model id and called
/// through the model factory; a missing generation model switches a service to its offline
/// path (which says so in its output) or, for images, to a 503 naming the setting.
/// </summary>
public sealed class ServicesOptions
{
    /// <summary>Where indexes, conversations and local images live; one sub-folder per tenant.</summary>
    public string DataDir { get; set; } = ".assay/services";

    public EmbeddingsOptions Embeddings { get; set; } = new();

    public SummariesOptions Summaries { get; set; } = new();

    public ChatServiceOptions Chat { get; set; } = new();

    public RagOptions Rag { get; set; } = new();

    public ImagesOptions Images { get; set; } = new();

    /// <summary>API keys, hashed: SHA-256 hex of the key, and the tenant it stands for. Plain keys are never stored.</summary>
    public IList<ApiKeyOptions> ApiKeys { get; init; } = [];

    /// <summary>
    /// Models beyond the ones named above that clients may choose (a request's <c>model</c> field, a
    /// study started on the server): exact ids or prefixes ending in <c>*</c> (<c>bedrock:*</c>,
    /// <c>openai-compatible:http://127.0.0.1:11434/v1#*</c>). Offline models are always allowed.
    /// </summary>
    public IList<string> AllowedModels { get; init; } = [];

    /// <summary>Migration studies started on the server (the Studies page and <c>/v1/studies/runs</c>).</summary>
    public StudiesOptions Studies { get; set; } = new();

    /// <summary>Scorecards served by the credit scoring API.</summary>
    public CreditServiceOptions Credit { get; set; } = new();

    /// <summary>
    /// The server's address as clients reach it (such as <c>https://assay.example.com</c>), for the links it
    /// hands out (image URLs). Default: the address it listens on. Never taken from a request's Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest JSON body accepted, in bytes (413 beyond).</summary>
    public long MaxJsonBodyBytes { get; set; } = 1_000_000;

    /// <summary>Largest uploaded document accepted, in bytes (413 beyond).</summary>
    public long MaxDocumentBytes { get; set; } = 20_000_000;
}

public sealed class ApiKeyOptions
{
    public string Tenant { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the key (<c>assay serve --hash-key KEY</c> prints it).</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>
    /// When set, the only models this tenant may use (ids or <c>*</c>-prefixes), the server's
    /// defaults included; offline models are always allowed. Unset: the server's models and
    /// <c>services.allowedModels</c>.
    /// </summary>
    public IList<string>? Models { get; set; }
}

public sealed class CreditServiceOptions
{
    /// <summary>Name to scorecard.json (written by <c>assay credit run</c>), relative to the config file; scored at <c>POST /v1/credit/scorecards/{name}/score</c>.</summary>
    public Dictionary<string, string> Scorecards { get; set; } = [];

    /// <summary>Applicants per scoring request (the body size limit applies too).</summary>
    public int MaxApplicantsPerRequest { get; set; } = 10_000;
}

public sealed class StudiesOptions
{
    /// <summary>Where study outputs go and what the Studies page lists; null = ASSAY_STUDIES_DIR, else DATA_DIR/studies. Relative to the config file.</summary>
    public string? Directory { get; set; }

    /// <summary>Studies running at once; a start beyond it is refused (409).</summary>
    public int MaxRunning { get; set; } = 1;
}

public sealed class EmbeddingsOptions
{
    /// <summary>The offline sentence model (Universal Sentence Encoder lite) unless configured otherwise.</summary>
    public string Model { get; set; } = "local:use-lite";

    /// <summary>Largest number of inputs in one request.</summary>
    public int MaxBatch { get; set; } = 256;
}

public sealed class SummariesOptions
{
    /// <summary>A chat model id; null = offline extractive summaries.</summary>
    public string? Model { get; set; }

    /// <summary>The offline summarizer used to pick sentences when no chat model is set; "-N" (the lines asked for, default 3) is appended.</summary>
    public string OfflineModel { get; set; } = "extractive:textrank";

    /// <summary>Reports longer than this (o200k_base tokens; estimated at 4 characters per token when the tokenizer is not installed) are summarised in chunks, then combined.</summary>
    public int ChunkTokens { get; set; } = 1500;
}

public sealed class ChatServiceOptions
{
    /// <summary>A chat model id; without one, chat answers by the offline method (<see cref="Offline"/>), labelled as such.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The offline method used when <see cref="Model"/> is null: <c>memory-recall</c> (quotes the
    /// earlier messages of the conversation that best match the new one) or <c>index-passages</c>
    /// (quotes the best passages of the RAG index <see cref="OfflineIndex"/>). Neither generates text.
    /// </summary>
    public string Offline { get; set; } = "memory-recall";

    /// <summary>The tenant's RAG index that <c>index-passages</c> answers from.</summary>
    public string? OfflineIndex { get; set; }

    /// <summary>Default memory strategy: full, last-k, token-budget, summary.</summary>
    public string Memory { get; set; } = "last-k";

    public int LastK { get; set; } = 6;

    public int TokenBudget { get; set; } = 2000;

    /// <summary>Model that writes running summaries; defaults to the chat model, or offline to <c>extractive:textrank-5</c> (picked sentences).</summary>
    public string? SummaryModel { get; set; }

    public string SystemPrompt { get; set; } = "You are a helpful assistant. Answer concisely.";
}

public sealed class RagOptions
{
    /// <summary>A chat model id for written answers; <c>extractive:sentences</c> = offline answers (the answering sentences quoted) even with a chat model; null = <c>services.chat.model</c>, and when that is null too, extractive.</summary>
    public string? AnswerModel { get; set; }

    /// <summary>
    /// Largest passage, in o200k_base tokens (or, without the tokenizer, in estimated tokens of 4
    /// characters, which makes passages a little shorter). 100 real tokens is about the 120
    /// estimated tokens used before real counts, and on the handbook set it is a size at which
    /// hybrid recall@3 is at least BM25's and the vectors' (<c>assay rag eval</c>).
    /// </summary>
    public int ChunkTokens { get; set; } = 100;

    /// <summary>Tokens of whole sentences repeated from the end of one passage at the start of the next.</summary>
    public int OverlapTokens { get; set; } = 20;

    /// <summary>
    /// The "not in the documents" gate, first half: a passage below this relevance (0..1: half
    /// IDF-weighted query-term coverage, half cosine similarity) cannot support an answer.
    /// <c>assay rag eval</c> prints the gate's accuracy at this setting and the best pair of settings for an index.
    /// </summary>
    public double RelevanceThreshold { get; set; } = 0.35;

    /// <summary>
    /// The gate's second half: a passage must also contain at least this IDF-weighted share (0..1)
    /// of the question's terms, terms absent from the whole index weighing as much as the rarest
    /// one. Relevance alone lets a close topic through on cosine ("maternity leave" against the
    /// passage on parental leave); coverage alone is fooled by common words. 0.35 is the coverage
    /// of the best (threshold, coverage) pair on the handbook set (52 questions, 20 unanswerable).
    /// </summary>
    public double MinTermCoverage { get; set; } = 0.3;

    /// <summary>
    /// The answer-type check (<c>Answers/AnswerabilityCheck</c>): least IDF-weighted share (0..1)
    /// of the question's focus terms that the answering sentence (with the sentence before it and
    /// its list lead-in) must hold, for a question asking for a quantity, duration, date, name or
    /// contact. Chosen on the dev split of the policy evaluation set only (<c>assay rag eval --fit</c>).
    /// </summary>
    public double MinSentenceCoverage { get; set; } = 0.4;

    /// <summary>The same for questions of no recognised answer type (yes/no, "how do I").</summary>
    public double MinFocusCoverage { get; set; } = 0.4;

    /// <summary>How many hybrid-ranked passages the answer checks look through for the answering sentence.</summary>
    public int AnswerPassages { get; set; } = 8;

    public int TopK { get; set; } = 4;

    /// <summary>
    /// Bounds on one document (issue 15): a DOCX whose parts unpack to more than
    /// <see cref="MaxUnpackedBytes"/>, or any part of which unpacks to more than
    /// <see cref="MaxCompressionRatio"/> times its packed size, is refused while it is being read;
    /// a PDF of more than <see cref="MaxPdfPages"/> pages, or whose text takes pdftotext longer than
    /// <see cref="PdfTimeoutSeconds"/>, is refused; a document cut into more than
    /// <see cref="MaxPassagesPerDocument"/> passages is refused before anything is embedded.
    /// </summary>
    public long MaxUnpackedBytes { get; set; } = 50_000_000;

    public int MaxCompressionRatio { get; set; } = 100;

    public int MaxPdfPages { get; set; } = 500;

    public int PdfTimeoutSeconds { get; set; } = 60;

    public int MaxPassagesPerDocument { get; set; } = 5_000;

    /// <summary>Where pdftotext and pdfinfo are found; null = on PATH.</summary>
    public string? PopplerDir { get; set; }
}

public sealed class ImagesOptions
{
    /// <summary>An image model id (bedrock:amazon.titan-image-generator-v2:0, bedrock:amazon.nova-canvas-v1:0, openai:gpt-image-1 ...). No offline model exists.</summary>
    public string? Model { get; set; }

    /// <summary>s3 or local.</summary>
    public string Storage { get; set; } = "local";

    public string LocalDir { get; set; } = ".assay/images";

    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>How long a link to a stored image stays valid, in seconds.</summary>
    public int LinkLifetimeSeconds { get; set; } = 900;

    public int MaxCount { get; set; } = 4;
}

public sealed class S3StorageOptions
{
    public string Bucket { get; set; } = string.Empty;

    public string Prefix { get; set; } = "assay/images/";

    public string Region { get; set; } = "us-east-1";

    /// <summary>A custom endpoint (moto, MinIO, LocalStack); with it, path-style addressing is used.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Explicit credentials (tests); otherwise the AWS SDK's default chain. Never logged.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }
}

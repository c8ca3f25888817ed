namespace Assay.Services.Chat.Store;

/// <summary>One stored message of a conversation: sequence number (from 1), role (user or assistant), text, UTC time.</summary>
public sealed record ChatTurn(int Sequence, string Role, string Content, DateTimeOffset CreatedAt);

/// <summary>One of a tenant's conversations: its id, how many messages it holds and when the last was written.</summary>
public sealed record ChatConversation(string Id, int Messages, DateTimeOffset LastAt);

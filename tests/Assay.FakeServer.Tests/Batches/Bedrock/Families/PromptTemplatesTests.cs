using Assay.FakeServer.Batches.Bedrock.Families;

namespace Assay.FakeServer.Tests.Batches.Bedrock.Families;

public sealed class PromptTemplatesTests
{
    [Theory]
    [InlineData("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nSys.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nOne.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nA.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nTwo. More.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", "Two. More.")]
    [InlineData("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nLlama two. Rest. [/INST]", "Llama two. Rest.")]
    [InlineData("<s>[INST] First [/INST] ok</s>[INST] Second. [/INST]", "Second.")]
    [InlineData("Plain prompt. No template.", "Plain prompt. No template.")]
    public void LastUserText_FindsTheLastUserTurn(string prompt, string expected) =>
        Assert.Equal(expected, PromptTemplates.LastUserText(prompt));
}

using Jobsmith.Core.Ai;

namespace Jobsmith.Tests.Ai;

public sealed class JsonReplyTests
{
    [Theory]
    [InlineData("""{"a":1}""")]
    [InlineData("```json\n{\"a\":1}\n```")]
    [InlineData("```\n{\"a\":1}\n```\n")]
    [InlineData("Here is the JSON:\n```json\n{\"a\":1}\n```\nLet me know if you need more.")]
    [InlineData("Sure! {\"a\":1} Hope this helps.")]
    public void Finds_the_object_in_plain_fenced_or_chatty_replies(string reply) =>
        Assert.Equal(1, (int?)JsonReply.TryParseObject(reply)!["a"]);

    [Theory]
    [InlineData("I cannot help with that.")]
    [InlineData("```json\n{\"a\":\n```")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    public void Returns_null_when_there_is_no_json_object(string reply) =>
        Assert.Null(JsonReply.TryParseObject(reply));
}

using Assay.Embeddings.Model;
using Assay.Embeddings.Runtime;

namespace Assay.Embeddings.Tests.Model;

public sealed class WeightsFileTests
{
    [Fact]
    public void Load_DamagedWeightsFile_IsRebuiltFromThePackage()
    {
        var installed = ModelFiles.Locate();
        installed.EnsurePackagePresent();
        var cache = Directory.CreateTempSubdirectory("assay-cache-").FullName;
        try
        {
            var files = ModelFiles.Locate(cache);
            Directory.CreateDirectory(files.Folder);
            Directory.CreateSymbolicLink(Path.Combine(files.Folder, "package"), Path.Combine(installed.Folder, "package"));
            File.WriteAllText(files.Weights, "not a weights file");

            using var model = UseLiteModel.Load(files);
            var (vector, _) = model.Embed(["Hello world"], 1, CancellationToken.None);

            Assert.Equal(-0.0378848f, vector[0], 4); // TensorFlow.js gives -0.037884798 for "Hello world"
            Assert.Empty(Directory.GetFiles(files.Folder, "*.tmp"));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void Open_FileThatIsNotAWeightsFile_ThrowsInvalidData()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "hello, this is not the file you are looking for");

            Assert.Throws<InvalidDataException>(() => WeightsFile.Open(path).Dispose());
        }
        finally
        {
            File.Delete(path);
        }
    }
}

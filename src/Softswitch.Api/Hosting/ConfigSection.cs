using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Softswitch.Api.Hosting;

/// <summary>
/// One section of the configuration: its key ("sip.timers"), the options class the runtime reads, and how it is
/// registered: bound once from the configuration into that class, validated at start-up by its validator.
/// </summary>
public sealed class ConfigSection
{
    private readonly Action<IServiceCollection> _register;

    private ConfigSection(string key, Type optionsType, Action<IServiceCollection> register)
    {
        Key = key;
        OptionsType = optionsType;
        _register = register;
    }

    /// <summary>The section's key with '.' between levels, as docs/configuration.md writes it.</summary>
    public string Key { get; }

    /// <summary>The key as IConfiguration spells it ("sip:timers").</summary>
    public string Path => Key.Replace('.', ':');

    public Type OptionsType { get; }

    /// <summary>A section validated by <typeparamref name="TValidator"/>.</summary>
    public static ConfigSection Of<TOptions, TValidator>(string key)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions> =>
        new(key, typeof(TOptions), services =>
        {
            Bind<TOptions>(services, key);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        });

    /// <summary>A section whose keys have only per-key rules (ranges, enums).</summary>
    public static ConfigSection Of<TOptions>(string key)
        where TOptions : class =>
        new(key, typeof(TOptions), services =>
        {
            Bind<TOptions>(services, key);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new OptionRulesValidator<TOptions>(key)));
        });

    internal void Register(IServiceCollection services) => _register(services);

    /// <summary>The section's options as the runtime binds them from <paramref name="section"/> (lists replace defaults).</summary>
    internal object Read(IConfigurationSection section)
    {
        object options = Activator.CreateInstance(OptionsType)!;
        ConfiguredCollections.Clear(options, section);
        section.Bind(options);
        return options;
    }

    // BindConfiguration reads the host's IConfiguration when the options are first needed, so sources added after
    // registration (tests, the command line) count; ValidateOnStart makes a bad value stop the start.
    // Configured lists replace the defaults instead of being appended to them (ConfiguredCollections).
    private static void Bind<TOptions>(IServiceCollection services, string key)
        where TOptions : class
    {
        string path = key.Replace('.', ':');
        services.AddOptions<TOptions>()
            .Configure<IConfiguration>((options, configuration) => ConfiguredCollections.Clear(options, configuration.GetSection(path)))
            .BindConfiguration(path)
            .ValidateOnStart();
    }
}

using Microsoft.Extensions.Options;

namespace Softswitch.Sip.Simulation;

/// <summary>Fails start-up on the first bad carrier, naming its key (e.g. simulation.carriers[1].busyPercent).</summary>
public sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.Carriers.Count; i++)
        {
            var carrier = options.Carriers[i];
            if (SimulatedCarrierRules.Check(carrier) is { } problem)
            {
                return ValidateOptionsResult.Fail($"simulation.carriers[{i}].{problem.Field} {problem.Reason}");
            }
            if (!names.Add(carrier.Name))
            {
                return ValidateOptionsResult.Fail($"simulation.carriers[{i}].name '{carrier.Name}' is used twice");
            }
        }
        return ValidateOptionsResult.Success;
    }
}

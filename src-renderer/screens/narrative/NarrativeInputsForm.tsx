/**
 * What the 情况说明 needs beyond the thirteen tables: last year's figures (万元), the reasons
 * for changes, procurement outside the projects, assets and free texts.
 */
import { VEHICLE_CATEGORIES } from '../../../shared/narrative/inputs';
import type { NarrativeInputs } from '../../../shared/narrative/inputs';
import { EditLock } from '../../forms/EditLock';
import { AmountField, CheckboxField, CountField, SaveBar, TextField } from '../../forms/fields';
import { useNarrativeInputs } from '../../state/narrative';
import {
  ASSET_COUNT_FIELDS,
  type NarrativeInputsDraft,
  PREVIOUS_YEAR_FIELDS,
  PROCUREMENT_FIELDS,
  REASON_FIELDS,
  THREE_PUBLIC_FIELDS,
} from './inputs-draft';

export function NarrativeInputsForm() {
  const entry = useNarrativeInputs((state) => state.entry);
  const problems = useNarrativeInputs((state) => state.problems);
  const isSaving = useNarrativeInputs((state) => state.isSaving);
  const savedMessage = useNarrativeInputs((state) => state.savedMessage);
  const { edit, save, discard } = useNarrativeInputs.getState();
  if (entry === null) return <p>正在读取…</p>;

  const { draft } = entry;
  const { inputs } = draft;
  const editInputsOnly = (changes: Partial<NarrativeInputs>) =>
    edit((current) => ({ ...current, inputs: { ...current.inputs, ...changes } }));
  const amountFields = (fields: readonly { key: keyof NarrativeInputsDraft['amounts']; label: string }[]) => (
    <div className="form-grid">
      {fields.map(({ key, label }) => (
        <AmountField
          key={key}
          label={label}
          unit="wanYuan"
          text={draft.amounts[key]}
          onChange={(text) =>
            edit((current) => ({ ...current, amounts: { ...current.amounts, [key]: text } }))
          }
        />
      ))}
    </div>
  );

  return (
    <div className="narrative-inputs" role="form" aria-label="情况说明填报内容">
      <EditLock>
        <section className="form-section" aria-label="上年数据">
          <h3>上年数据（万元）</h3>
          <p className="form-section__note">用于“比上年增加/减少”的句子；空白表示不作比较。</p>
          {amountFields([...PREVIOUS_YEAR_FIELDS, ...THREE_PUBLIC_FIELDS])}
        </section>

        <section className="form-section" aria-label="增减原因">
          <h3>增减原因</h3>
          <div className="form-grid form-grid--two">
            {REASON_FIELDS.map(({ key, label }) => (
              <TextField
                key={key}
                label={label}
                rows={2}
                value={inputs.reasons[key]}
                onChange={(text) => editInputsOnly({ reasons: { ...inputs.reasons, [key]: text } })}
              />
            ))}
          </div>
          <TextField
            label="无机关运行经费的原因"
            hint="如：为事业单位、为公立医院"
            value={inputs.noOperatingCostsReason}
            onChange={(noOperatingCostsReason) => editInputsOnly({ noOperatingCostsReason })}
          />
        </section>

        <section className="form-section" aria-label="政府采购">
          <h3>政府采购（万元，项目以外）</h3>
          <p className="form-section__note">
            项目的政府采购在各项目的绩效目标表中填写，这里只填项目以外的部分。
          </p>
          {amountFields(PROCUREMENT_FIELDS)}
        </section>

        <section className="form-section" aria-label="国有资产占用情况">
          <h3>国有资产占用情况</h3>
          <div className="form-grid">
            <TextField
              label="截至日期"
              hint="如：2024年12月31日"
              value={inputs.assets.asOf}
              onChange={(asOf) => editInputsOnly({ assets: { ...inputs.assets, asOf } })}
            />
            <TextField
              label="办公用房建筑总面积（平方米）"
              value={inputs.assets.officeArea}
              onChange={(officeArea) => editInputsOnly({ assets: { ...inputs.assets, officeArea } })}
            />
            {ASSET_COUNT_FIELDS.map(({ key, label }) => (
              <CountField
                key={key}
                label={label}
                text={draft.assetCounts[key]}
                onChange={(text) =>
                  edit((current) => ({ ...current, assetCounts: { ...current.assetCounts, [key]: text } }))
                }
              />
            ))}
          </div>
          <h4 className="narrative-inputs__subheading">车辆（辆）</h4>
          <div className="form-grid">
            {VEHICLE_CATEGORIES.map((category) => (
              <CountField
                key={category}
                label={category}
                text={draft.vehicles[category]}
                onChange={(text) =>
                  edit((current) => ({ ...current, vehicles: { ...current.vehicles, [category]: text } }))
                }
              />
            ))}
          </div>
        </section>

        <section className="form-section" aria-label="其他说明">
          <h3>其他说明</h3>
          <TextField
            label="政府购买服务情况"
            rows={3}
            value={inputs.purchaseServiceText}
            onChange={(purchaseServiceText) => editInputsOnly({ purchaseServiceText })}
          />
          <TextField
            label="其他需要说明的事项"
            rows={3}
            value={inputs.otherText}
            onChange={(otherText) => editInputsOnly({ otherText })}
          />
          <CheckboxField
            label="绩效管理情况计入上年结转项目（表十三）"
            checked={inputs.countCarryoverProjects}
            onChange={(countCarryoverProjects) => editInputsOnly({ countCarryoverProjects })}
          />
        </section>

        <SaveBar
          problems={problems}
          isDirty={entry.isDirty}
          isSaving={isSaving}
          status={savedMessage}
          saveLabel="保存填报内容"
          onSave={() => void save()}
          onDiscard={() => void discard()}
        />
      </EditLock>
    </div>
  );
}
